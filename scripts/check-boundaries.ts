// npm test's boundary step: prints every import that crosses a process boundary and fails if any.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { rawErrorFindings } from './boundaries/raw-errors.js';
import { rawSqlFindings } from './boundaries/raw-sql.js';
import { findCrossings } from './boundaries/rules.js';

const files = execFileSync(
  'git',
  ['ls-files', '-co', '--exclude-standard', 'renderer/src', 'common', 'electron', 'drizzle'],
  {
    encoding: 'utf8',
  },
)
  .split('\n')
  .filter((file) => /\.(ts|tsx|mts|mjs)$/.test(file) && fs.existsSync(file))
  .map((file) => ({ file, text: fs.readFileSync(file, 'utf8') }));
const crossings = [
  ...findCrossings(files).map((c) => `${c.file}:${c.line}: '${c.specifier}': ${c.rule}`),
  ...rawSqlFindings(files),
  ...rawErrorFindings(files),
];
for (const c of crossings) console.error(c);
console.log(
  crossings.length === 0
    ? `boundaries: ${files.length} files, nothing crosses`
    : `boundaries: ${crossings.length} finding(s)`,
);
process.exit(crossings.length === 0 ? 0 : 1);
