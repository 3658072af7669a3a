// electron-builder afterPack hook: flips the Electron fuses of the packaged binary.
// Production profile: everything that lets another program run code through our binary is off.
// Test profile (SHIKAKU_FUSES=test, for Playwright's Electron runs on a packaged app): keeps
// EnableNodeCliInspectArguments, the one fuse Playwright needs (it launches Electron with
// --inspect=0 / --remote-debugging-port=0 and drives it over the inspector).
const path = require('node:path');

/** The fuse settings of a profile (exported for the unit test). */
function fuseConfig(profile) {
  const test = profile === 'test';
  return {
    RunAsNode: false,
    EnableCookieEncryption: true,
    EnableNodeOptionsEnvironmentVariable: false,
    EnableNodeCliInspectArguments: test,
    // electron-builder embeds the asar integrity hash on macOS and Windows; Linux has none.
    EnableEmbeddedAsarIntegrityValidation: false,
    OnlyLoadAppFromAsar: true,
    LoadBrowserProcessSpecificV8Snapshot: false,
    GrantFileProtocolExtraPrivileges: false,
  };
}

function executableOf(context) {
  const name = context.packager.appInfo.productFilename;
  switch (context.electronPlatformName) {
    case 'darwin':
    case 'mas':
      return path.join(context.appOutDir, `${name}.app`);
    case 'win32':
      return path.join(context.appOutDir, `${name}.exe`);
    default:
      return path.join(context.appOutDir, context.packager.executableName);
  }
}

async function afterPack(context) {
  const { flipFuses, FuseVersion, FuseV1Options } = require('@electron/fuses');
  const profile = process.env.SHIKAKU_FUSES === 'test' ? 'test' : 'production';
  const cfg = fuseConfig(profile);
  const fuses = { version: FuseVersion.V1, resetAdHocDarwinSignature: context.electronPlatformName === 'darwin' };
  for (const [k, v] of Object.entries(cfg)) fuses[FuseV1Options[k]] = v;
  await flipFuses(executableOf(context), fuses);
  console.log(`[after-pack] Electron fuses set (${profile} profile)`);
}

module.exports = afterPack;
module.exports.default = afterPack;
module.exports.fuseConfig = fuseConfig;
