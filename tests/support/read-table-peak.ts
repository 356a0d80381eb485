// Reads one spreadsheet the way an import does (in the reader thread) and prints the outcome and the
// process's peak memory, for tests that hold the reader to a memory bound.
import { readTableFile } from '../../electron/files/table-file.js';

const file = process.argv[2];
const key = await readTableFile(file).then(
  () => null,
  (error: { key?: string }) => error.key ?? 'unknown',
);
console.log(JSON.stringify({ key, maxRssKb: process.resourceUsage().maxRSS }));
process.exit(0);
