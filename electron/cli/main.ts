// The command line of SCENARIO.md: decide, check, validate, returns (+ onshi, history, registry).
// Every output is UTF-8 JSON on standard output; errors go to standard error in Japanese and
// English, naming the file, the scenario and the field, and never repeat a 12-digit number (R18).
import { runCli } from './commands';

const code = await runCli(process.argv.slice(2), {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  readStdin: async (maxBytes) => {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const c of process.stdin) {
      size += (c as Buffer).length;
      if (size > maxBytes) return null; // stops reading (the stream is destroyed)
      chunks.push(c as Buffer);
    }
    return Buffer.concat(chunks).toString('utf8');
  },
});
process.exitCode = code;
