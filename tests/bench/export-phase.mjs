// One phase of `npm run bench -- export`, in plain Node (no tsx), printing rows, bytes, seconds and
// peak RSS as JSON:
//   node export-phase.mjs baseline <db file> <out file>   a bare iterate-and-write of the households
//   node export-phase.mjs export <db file> <format> <compiled electron dir>   the app's export
import fs from 'node:fs';
import { createRequire } from 'node:module';

const [kind, dbFile, arg, electronDir] = process.argv.slice(2);
const peakMb = () => Math.round(process.resourceUsage().maxRSS / 1024);

async function baseline(out) {
  const Database = createRequire(import.meta.url)('better-sqlite3');
  const sqlite = new Database(dbFile, { readonly: true });
  const started = performance.now();
  const fd = fs.openSync(out, 'w');
  let chunk = 'household_id,sls_id,status,members,male,female,visited_at,revision,officer_code\n';
  let rows = 0;
  const statement = sqlite
    .prepare(
      'SELECT household_id, sls_id, status, members, male, female, visited_at, revision, officer_code FROM households ORDER BY household_id',
    )
    .raw();
  for (const row of statement.iterate()) {
    chunk += `${row.join(',')}\n`;
    rows++;
    if (chunk.length > 65_536) {
      fs.writeSync(fd, chunk);
      chunk = '';
    }
  }
  fs.writeSync(fd, chunk);
  fs.closeSync(fd);
  const seconds = (performance.now() - started) / 1000;
  sqlite.close();
  return { rows, bytes: fs.statSync(out).size, seconds, peakMb: peakMb() };
}

async function exportHouseholds(format) {
  const { startBackend } = await import(`${electronDir}/api/host.js`);
  const { findExport, removeExport } = await import(`${electronDir}/files/export-store.js`);
  const backend = startBackend({ dbFile });
  const started = performance.now();
  let rows = 0;
  const handle = await backend.api.call(
    'sync.exportHouseholds',
    { format },
    { actor: { username: 'bench', role: 'admin' }, onProgress: (p) => (rows = p.done) },
  );
  const seconds = (performance.now() - started) / 1000;
  if (!findExport(backend.dataDir, handle.exportId)) throw new Error('the export file is missing');
  removeExport(backend.dataDir, handle.exportId);
  backend.close();
  return { rows, bytes: handle.size, seconds, peakMb: peakMb() };
}

console.log(JSON.stringify(kind === 'baseline' ? await baseline(arg) : await exportHouseholds(arg)));
