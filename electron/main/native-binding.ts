import fs from 'node:fs';
import path from 'node:path';

/**
 * Where the Electron build of better-sqlite3 lives. node_modules keeps the Node build (tests, CLI);
 * the Electron copy is built separately (scripts/build-electron-native.mjs) and shipped as an extra
 * resource, then loaded through better-sqlite3's `nativeBinding` option.
 */
export function electronNativeBinding(opts: {
  packaged: boolean;
  resourcesPath: string;
  appRoot: string;
  modulesVersion: string;
}): string {
  const file = opts.packaged
    ? path.join(opts.resourcesPath, 'native', 'better_sqlite3.node')
    : path.join(opts.appRoot, 'build', 'native', `electron-abi${opts.modulesVersion}`, 'better_sqlite3.node');
  if (!fs.existsSync(file)) {
    throw new Error(
      `The Electron build of better-sqlite3 is missing (${file}). Run "node scripts/build-electron-native.mjs".`,
    );
  }
  return file;
}
