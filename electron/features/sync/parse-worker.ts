// Worker thread entry: parses untrusted packages off the calling thread (Electron's backend worker,
// or the office server's main thread) and posts progress and results back, by request id.
import { parentPort } from 'node:worker_threads';
import { parsePackage, type ParseOptions } from './parse-package.js';

const port = parentPort;
if (!port) throw new Error('parse-worker must run as a worker thread');
// One package at a time, in arrival order: results come back in the order the packages were sent,
// so a caller that sends the next package early still has them applied in its order.
let queue = Promise.resolve();
port.on('message', ({ id, options }: { id: number; options: ParseOptions }) => {
  queue = queue.then(() =>
    parsePackage(options, (progress) => port.postMessage({ id, progress })).then(
      (result) => port.postMessage({ id, result }),
      (error: unknown) => port.postMessage({ id, error: error instanceof Error ? error.message : String(error) }),
    ),
  );
});
