// Run by readonly.test.ts in a child process (possibly as an unprivileged user): opens the
// database in the directory given as argv[2] and prints the outcome as one JSON line.
import { openDatabase } from '../open';

async function main(): Promise<void> {
  try {
    const o = await openDatabase({ dataDir: process.argv[2]! });
    o.db.close();
    process.stdout.write(`${JSON.stringify({ ok: true })}\n`);
  } catch (e) {
    const err = e as { code?: string; ja?: string; en?: string; message?: string };
    process.stdout.write(`${JSON.stringify({ ok: false, code: err.code, ja: err.ja, en: err.en ?? err.message })}\n`);
  }
}
void main();
