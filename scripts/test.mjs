// The test runners of `npm test` (after typecheck and build): vitest, then Playwright — both run
// even when the first fails; the exit code is non-zero if either failed. Each writes a JSON
// report under test-results/ (.ci/run sums them into one "N passed, N failed" line).
// Playwright uses Debian's Chromium (browsers cannot be downloaded here): when it is missing and
// we run as root, it is installed with apt first, with the Japanese fonts.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';

const chromium = process.env.SHIKAKU_CHROMIUM ?? '/usr/bin/chromium';
if (!existsSync(chromium) && process.platform === 'linux' && process.getuid?.() === 0) {
  console.log(`${chromium} がないため apt でインストールします / installing chromium and fonts-noto-cjk with apt`);
  spawnSync(
    'sh',
    ['-c', 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk'],
    { stdio: 'inherit' },
  );
}

mkdirSync('test-results', { recursive: true });
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const run = (args) => spawnSync(npx, args, { stdio: 'inherit' }).status ?? 1;
const unit = run([
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  '--outputFile.json=test-results/vitest.json',
]);
const e2e = run(['playwright', 'test']);
process.exit(unit !== 0 || e2e !== 0 ? 1 : 0);
