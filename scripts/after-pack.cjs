// electron-builder afterPack hook: flips the Electron fuses of the packaged binary.
// Production profile: everything that lets another program run code through our binary is off.
// Test profile (SHIKAKU_FUSES=test, for Playwright's Electron runs on a packaged app): keeps
// EnableNodeCliInspectArguments, the one fuse Playwright needs (it launches Electron with
// --inspect=0 / --remote-debugging-port=0 and drives it over the inspector).
const path = require('node:path');

/** Platforms where electron-builder embeds the app.asar header hash that Electron checks at start. */
const ASAR_INTEGRITY_PLATFORMS = ['darwin', 'mas', 'win32'];

/** The fuse settings of a profile on a platform (exported for the unit test). */
function fuseConfig(profile, platform) {
  const test = profile === 'test';
  return {
    RunAsNode: false,
    EnableCookieEncryption: true,
    EnableNodeOptionsEnvironmentVariable: false,
    EnableNodeCliInspectArguments: test,
    // macOS (Info.plist ElectronAsarIntegrity) and Windows (Electron ≥ 30, a resource of the .exe):
    // a modified app.asar stops the app. Linux builds carry no hash, so the check stays off there.
    EnableEmbeddedAsarIntegrityValidation: ASAR_INTEGRITY_PLATFORMS.includes(platform),
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
  const cfg = fuseConfig(profile, context.electronPlatformName);
  const fuses = { version: FuseVersion.V1, resetAdHocDarwinSignature: context.electronPlatformName === 'darwin' };
  for (const [k, v] of Object.entries(cfg)) fuses[FuseV1Options[k]] = v;
  await flipFuses(executableOf(context), fuses);
  console.log(`[after-pack] Electron fuses set (${profile} profile, ${context.electronPlatformName})`);
}

module.exports = afterPack;
module.exports.default = afterPack;
module.exports.fuseConfig = fuseConfig;
