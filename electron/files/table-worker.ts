// Worker thread entry: reads office spreadsheets off the thread that serves requests and owns the
// database (the office server's main thread, Electron's backend worker), one file at a time.
import { parentPort } from 'node:worker_threads';
import { ApiError } from '../api/errors.js';
import { parseTableFile, type ReadOptions } from './table-file.js';

const port = parentPort;
if (!port) throw new Error('table-worker must run as a worker thread');
let queue = Promise.resolve();
port.on('message', ({ id, file, options }: { id: number; file: string; options: ReadOptions }) => {
  queue = queue.then(() =>
    parseTableFile(file, options).then(
      (table) => port.postMessage({ id, table }),
      (error: unknown) => port.postMessage({ id, error: ApiError.from(error).toJSON() }),
    ),
  );
});
