// Loaded with `node --import` into a child process under test: counts the file-system steps it
// takes inside PENDOPO_KILL_DIR and kills the process with SIGKILL just before step PENDOPO_KILL_AT
// (1-based), as a power cut or a killed task would. With 0 it only reports the count at exit.
import fs from 'node:fs';
import path from 'node:path';
import { syncBuiltinESMExports } from 'node:module';

const dir = path.resolve(process.env.PENDOPO_KILL_DIR ?? '/nonexistent');
const killAt = Number(process.env.PENDOPO_KILL_AT ?? 0);
const STEPS = ['renameSync', 'copyFileSync', 'rmSync', 'unlinkSync', 'writeFileSync', 'fsyncSync'];
let steps = 0;

const inside = (arg) => typeof arg === 'string' && path.resolve(arg).startsWith(dir + path.sep);
const fds = new Set();

for (const name of STEPS) {
  const original = fs[name];
  fs[name] = function step(...args) {
    const ours = name === 'fsyncSync' ? fds.has(args[0]) : inside(args[0]) || inside(args[1]);
    if (ours && ++steps === killAt) process.kill(process.pid, 'SIGKILL');
    return original.apply(this, args);
  };
}
// fsync is called on descriptors: remember the ones opened inside the folder.
const openSync = fs.openSync;
fs.openSync = function open(file, ...rest) {
  const fd = openSync.call(this, file, ...rest);
  if (inside(file)) fds.add(fd);
  return fd;
};
syncBuiltinESMExports();
process.on('exit', () => process.stderr.write(`kill-at-step: ${steps} steps\n`));
