// `npm run web`: the browser mode. Serves dist/renderer and the API on 127.0.0.1 only.
//   --port N       (0 = any free port; default 0)
//   --data-dir D   (else SHIKAKU_DATA_DIR, else ./.data)
//   --token T      (tests only: a fixed token; default a random one per launch)
// Prints one line with the address to open; the access token travels in the URL fragment.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DEFAULT_DEV_DATA_DIR, resolveDataDir } from '../db/data-dir';
import { startBackend } from '../host/client';
import { startWebServer } from './server';

export async function main(argv = process.argv.slice(2)): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string', default: '0' },
      'data-dir': { type: 'string' },
      token: { type: 'string' },
    },
    strict: true,
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`--port は 0〜65535 の整数にしてください / --port must be an integer 0-65535: ${values.port}`);
  }
  if (values.token !== undefined && !/^[A-Za-z0-9_-]{16,}$/.test(values.token)) {
    throw new Error('--token は16文字以上の英数字にしてください / --token must be 16+ URL-safe characters');
  }
  const dataDir = resolveDataDir({ explicit: values['data-dir'] ?? null, fallback: DEFAULT_DEV_DATA_DIR });
  const here = path.dirname(fileURLToPath(import.meta.url));
  const staticDir = process.env.SHIKAKU_RENDERER_DIR ?? path.join(here, 'renderer');
  // the backend runs in a worker thread (dist/backend.cjs); the server only forwards calls to it
  const backend = await startBackend({
    script: path.join(here, 'backend.cjs'),
    dataDir,
    shell: 'browser',
    onStopped: (e) => {
      process.stderr.write(`${e.ja} / ${e.en}\n`);
      process.exit(1);
    },
  });
  const server = await startWebServer({
    call: backend.call,
    staticDir,
    port,
    ...(values.token ? { token: values.token } : {}),
  });
  process.stdout.write(`資格確認デスク (ブラウザ版) を起動しました / browser mode ready: ${server.url}\n`);
  const stop = () => {
    void server
      .close()
      .then(() => backend.close())
      .then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e: unknown) => {
  const err = e as { ja?: string; en?: string; message?: string };
  process.stderr.write(`${err.ja ? `${err.ja} / ${err.en}` : String(err.message ?? e)}\n`);
  process.exit(1);
});
