// `npm start`: the Electron app where its binary is available; otherwise (offline machines where
// the Electron download is impossible) one line saying so, then the browser mode.
import { spawn } from 'node:child_process';
import { electronBinary } from './electron-binary.mjs';

const bin = electronBinary();
const args = process.argv.slice(2);
if (!bin) {
  console.log(
    'Electron の実行ファイルがないため、ブラウザ版で起動します / Electron binary not available here: serving the browser mode instead',
  );
}
const child = bin
  ? spawn(bin, ['.', ...args], { stdio: 'inherit' })
  : spawn(process.execPath, ['dist/web.mjs', ...args], { stdio: 'inherit' });
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
