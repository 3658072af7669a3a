import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const { fuseConfig } = require('./after-pack.cjs') as {
  fuseConfig: (profile: string, platform: string) => Record<string, boolean>;
};

describe('Electron fuses (afterPack)', () => {
  it('production: no run-as-node, no NODE_OPTIONS, no inspector, app only from the asar', () => {
    const f = fuseConfig('production', 'win32');
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
    const p = fuseConfig('production', 'linux');
    const t = fuseConfig('test', 'linux');
    const diff = Object.keys(p).filter((k) => p[k] !== t[k]);
    expect(diff).toEqual(['EnableNodeCliInspectArguments']);
    expect(t.EnableNodeCliInspectArguments).toBe(true);
  });
  it('ASAR integrity validation on where electron-builder embeds the hash (Windows, macOS), off on Linux', () => {
    for (const platform of ['win32', 'darwin', 'mas'])
      expect(fuseConfig('production', platform).EnableEmbeddedAsarIntegrityValidation, platform).toBe(true);
    expect(fuseConfig('production', 'linux').EnableEmbeddedAsarIntegrityValidation).toBe(false);
    expect(fuseConfig('production', 'win32').OnlyLoadAppFromAsar).toBe(true);
  });
});
