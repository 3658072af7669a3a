// A pack just under the 20 MB import limit: the bundled pack's scenarios repeated with new ids.
// For the bench (how long a full import takes, and whether the backend answers meanwhile) and the
// worker's test.
import { MAX_PACK_BYTES } from '../../../shared/trainer/contract';

interface PackFile {
  format: string;
  title: string;
  scenarios: { id: string }[];
}

export function bigPackText(base: PackFile, maxBytes = MAX_PACK_BYTES): { text: string; scenarios: number } {
  const scenarios: unknown[] = [];
  let bytes = 200;
  for (let round = 0; ; round += 1) {
    let full = false;
    for (const s of base.scenarios) {
      const copy = { ...s, id: `${s.id}-r${round}` };
      const size = Buffer.byteLength(JSON.stringify(copy, null, 2)) + 2;
      if (bytes + size > maxBytes - 64 * 1024) {
        full = true;
        break;
      }
      bytes += size;
      scenarios.push(copy);
    }
    if (full) break;
  }
  let text = JSON.stringify({ format: base.format, title: 'bench', scenarios }, null, 2);
  while (Buffer.byteLength(text) > maxBytes) {
    scenarios.length = Math.floor((scenarios.length * (maxBytes - 32 * 1024)) / Buffer.byteLength(text));
    text = JSON.stringify({ format: base.format, title: 'bench', scenarios }, null, 2);
  }
  return { text, scenarios: scenarios.length };
}
