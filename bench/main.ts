// npm run bench — prints numbers; nothing here is a test. Sections can be chosen:
//   npm run bench -- engine pack        (default: all sections)
import { join } from 'node:path';
import { benchEngine, benchPackFile } from './engine';

const sections = process.argv.slice(2);
const want = (name: string) => sections.length === 0 || sections.includes(name);
const dist = join(import.meta.dirname ?? '.', '.');

function print(title: string, goal: string, values: Record<string, number | string>) {
  console.log(`\n## ${title}   (goal: ${goal})`);
  for (const [k, v] of Object.entries(values)) console.log(`  ${k.padEnd(22)} ${v}`);
}

if (want('engine')) {
  print('engine: 100,000 generated scenarios, one process', '≥ 100,000 decisions/s, p99 ≤ 50 µs', benchEngine(100_000));
}
if (want('pack')) {
  print('cli: decide on a 10,000-scenario pack, incl. process start (5 runs)', '≤ 1.5 s', benchPackFile(join(dist, 'cli.mjs')));
}
