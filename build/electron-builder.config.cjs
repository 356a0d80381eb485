// electron-builder configuration (npm run dist). better-sqlite3 in node_modules stays built for
// Node (tests, CLI); the Electron build is made by build/before-pack.cjs into build/native/ and
// shipped as an extra resource that electron/main/native-binding.ts loads via `nativeBinding`.
/** @type {import('electron-builder').Configuration} */
module.exports = {
  appId: 'id.pendopo.desk',
  productName: 'Pendopo',
  copyright: 'Pendopo contributors',
  directories: { output: 'release', buildResources: 'build' },
  files: ['dist/**/*', 'drizzle/migrations/**/*', 'package.json', '!**/*.map'],
  extraResources: [{ from: 'build/native/electron-current', to: 'native', filter: ['better_sqlite3.node'] }],
  asarUnpack: ['**/*.node'],
  // Fuses are flipped in the packaged binary (before signing): it cannot be turned into a plain Node
  // (ELECTRON_RUN_AS_NODE, NODE_OPTIONS, --inspect), loads the app only from its checked app.asar,
  // encrypts its cookie store, and gives file:// no extra powers (the UI is served as pendopo://app/).
  electronFuses: {
    runAsNode: false,
    enableCookieEncryption: true,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
    loadBrowserProcessSpecificV8Snapshot: false,
    grantFileProtocolExtraPrivileges: false,
  },
  asar: true,
  npmRebuild: false,
  nodeGypRebuild: false,
  beforePack: './build/before-pack.cjs',
  icon: 'build/icon.png',
  win: { target: [{ target: 'nsis', arch: ['x64'] }] },
  nsis: { oneClick: false, perMachine: false, allowToChangeInstallationDirectory: true, language: '1057' },
  linux: { target: ['AppImage', 'deb'], category: 'Office', maintainer: 'Pendopo <pendopo@example.id>' },
  deb: { depends: ['libnss3', 'libgtk-3-0'] },
};
