// electron-builder configuration (`npm run package`; resources in build/). Installers:
// AppImage and deb (Linux), dmg (macOS), nsis (Windows).
//
// Security fuses (flipped in the packaged Electron binary, see electron/fuses docs):
//   runAsNode off                        ELECTRON_RUN_AS_NODE cannot turn the app into a plain Node
//   enableNodeOptionsEnvironmentVariable off  NODE_OPTIONS / NODE_EXTRA_CA_CERTS are ignored
//   enableNodeCliInspectArguments off    --inspect and SIGUSR1 cannot attach a debugger
//   enableEmbeddedAsarIntegrityValidation on  app.asar is checked against its hash (macOS, Windows)
//   onlyLoadAppFromAsar on               the app runs only from app.asar, never a loose folder
//   enableCookieEncryption on, grantFileProtocolExtraPrivileges off
//
// The one exception, for the e2e build only (`npm run package -- --e2e`, which sets
// OCPP_BENCH_E2E_PACKAGE=1): Playwright's Electron driver starts the app with `--inspect=0`
// and talks to the main process through that inspector, so that build keeps
// enableNodeCliInspectArguments on. Everything else stays as in the release build, so the
// same specs drive the packaged app with its real protections.
const e2e = process.env.OCPP_BENCH_E2E_PACKAGE === '1';

/** @type {import('electron-builder').Configuration} */
export default {
  appId: 'dev.ocpp-bench.desktop',
  productName: 'OCPP Bench',
  copyright: 'Copyright © OCPP Bench contributors',
  directories: { buildResources: 'build', output: e2e ? 'out/packages-e2e' : 'out/packages' },
  // The main process, the preload and the built page; dependencies come with node_modules.
  files: [
    'package.json',
    'dist/electron/**',
    'dist/renderer/**',
    '!**/*.map',
    // Bundled into dist/renderer by Vite; the main process never loads them.
    '!node_modules/{react,react-dom,scheduler,zustand,@tanstack}{,/**}',
  ],
  asar: true,
  extraMetadata: { main: 'dist/electron/main.mjs' },
  electronFuses: {
    runAsNode: false,
    enableCookieEncryption: true,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: e2e,
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
    loadBrowserProcessSpecificV8Snapshot: false,
    grantFileProtocolExtraPrivileges: false,
  },
  linux: {
    target: ['AppImage', 'deb'],
    category: 'Development',
    icon: 'build/icons',
    executableName: 'ocpp-bench',
    synopsis: 'OCPP protocol inspector and conformance test bench',
    maintainer: 'OCPP Bench contributors <maintainers@ocpp-bench.invalid>',
  },
  deb: { packageName: 'ocpp-bench' },
  appImage: { artifactName: '${productName}-${version}-${arch}.${ext}' },
  mac: {
    target: ['dmg'],
    category: 'public.app-category.developer-tools',
    icon: 'build/icon.icns',
    hardenedRuntime: true,
    entitlements: 'build/entitlements.mac.plist',
    entitlementsInherit: 'build/entitlements.mac.plist',
  },
  dmg: { artifactName: '${productName}-${version}-${arch}.${ext}' },
  win: { target: ['nsis'], icon: 'build/icon.ico' },
  nsis: {
    oneClick: false,
    perMachine: false,
    allowToChangeInstallationDirectory: true,
    artifactName: '${productName}-Setup-${version}.${ext}',
  },
  publish: null,
};
