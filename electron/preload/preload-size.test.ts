// The preload is loaded into every window before the page: it carries the contract's kernel (the
// call names) and nothing else — no zod, no schemas (they run in the backend). A budget in bytes
// (not time) of the built file, so an import that drags the schemas back in fails here.
import { statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const PRELOAD = path.join(__dirname, '../../dist/electron/preload.cjs');
/** bytes; it was 788 KB while it imported the whole contract, 1.3 KB with the kernel alone */
const BUDGET = 5_000;

describe('preload bundle', () => {
  it(`dist/electron/preload.cjs stays under ${BUDGET} bytes (npm run build first)`, () => {
    expect(statSync(PRELOAD).size).toBeLessThan(BUDGET);
  });
});
