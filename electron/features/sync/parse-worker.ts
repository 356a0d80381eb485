// Worker thread entry: parses untrusted packages off the thread that owns the database and posts
// progress and results back, by request id.
import { parentPort } from 'node:worker_threads';
import { parsePackage } from './parse-package.js';
import type { ParseRequest } from './run-parse-worker.js';

const port = parentPort;
if (!port) throw new Error('parse-worker must run as a worker thread');

/** A few packages are read at once: one's disk reads fill the others' waits. */
const AT_ONCE = 3;
/** The SLS master the caller sent last: it sends the ids again only when the master's stamp moved. */
let master: { stamp: number; ids: string } | null = null;
let running = 0;
const waiting: (() => void)[] = [];
// Results are posted in the order the packages were sent, so a caller that sends the next packages
// early still has them applied in its order.
let posted = Promise.resolve();

async function parse({ id, options }: ParseRequest, ids: string | null) {
  if (ids === null) return { id, error: 'the SLS master was not sent to the parser thread' };
  if (running >= AT_ONCE) await new Promise<void>((start) => waiting.push(start));
  running++;
  try {
    return {
      id,
      result: await parsePackage({ ...options, slsIds: ids }, (progress) => port!.postMessage({ id, progress })),
    };
  } catch (error) {
    return { id, error: error instanceof Error ? error.message : String(error) };
  } finally {
    running--;
    waiting.shift()?.();
  }
}

port.on('message', (request: ParseRequest) => {
  if (request.master.ids !== null) master = { stamp: request.master.stamp, ids: request.master.ids };
  const reply = parse(request, master?.stamp === request.master.stamp ? master.ids : null);
  posted = posted.then(async () => port.postMessage(await reply));
});
