// Where is the Electron binary, without triggering the electron package's download-on-require
// (which would try the network)? Reads node_modules/electron/path.txt like the package does.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/** @returns {string | null} the binary's path, or null when it is not installed */
export function electronBinary() {
  let dir;
  try {
    dir = path.dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return null;
  }
  const pathFile = path.join(dir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const rel = readFileSync(pathFile, 'utf8').trim();
  const distDir = process.env.ELECTRON_OVERRIDE_DIST_PATH || path.join(dir, 'dist');
  const full = path.join(distDir, rel);
  return existsSync(full) ? full : null;
}
