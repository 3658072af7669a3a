import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const { fuseConfig } = require('./after-pack.cjs') as { fuseConfig: (p: string) => Record<string, boolean> };

describe('Electron fuses (afterPack)', () => {
  it('production: no run-as-node, no NODE_OPTIONS, no inspector, app only from the asar', () => {
    const f = fuseConfig('production');
    expect(f).toMatchObject({
      RunAsNode: false,
      EnableNodeOptionsEnvironmentVariable: false,
      EnableNodeCliInspectArguments: false,
      OnlyLoadAppFromAsar: true,
      GrantFileProtocolExtraPrivileges: false,
      EnableCookieEncryption: true,
    });
  });
  it('test profile differs only by the inspector arguments Playwright needs', () => {
    const p = fuseConfig('production');
    const t = fuseConfig('test');
    const diff = Object.keys(p).filter((k) => p[k] !== t[k]);
    expect(diff).toEqual(['EnableNodeCliInspectArguments']);
    expect(t.EnableNodeCliInspectArguments).toBe(true);
  });
});
