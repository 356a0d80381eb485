// Worker thread entry: parses one untrusted package off the calling thread (Electron's backend
// worker, or the office server's main thread) and posts progress and the result back.
import { parentPort, workerData } from 'node:worker_threads';
import { parsePackage, type ParseOptions } from './parse-package.js';

const port = parentPort;
if (!port) throw new Error('parse-worker must run as a worker thread');
parsePackage(workerData as ParseOptions, (progress) => port.postMessage({ progress })).then(
  (result) => port.postMessage({ result }),
  (error: unknown) => port.postMessage({ error: error instanceof Error ? error.message : String(error) }),
);
