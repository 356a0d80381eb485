// Runs on the packaging machine (with internet): builds better-sqlite3 for Electron's ABI into
// build/native/, never touching node_modules/better-sqlite3/build (the Node build the tests use).
const { execFileSync } = require('node:child_process');
const path = require('node:path');

exports.default = async function beforePack() {
  execFileSync(process.execPath, [path.join(__dirname, '..', 'scripts', 'build-electron-native.mjs'), '--current'], {
    stdio: 'inherit',
  });
};
