// `npm run cli` runs compiled JavaScript and compiles first whenever a source changed: the
// fingerprint it compares must change with every edit, new file or removed file, and nothing else.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { root, sourceFingerprint } from '../../scripts/compiled.mjs';
import { tempDir } from '../support/office-process.js';

function fakeCheckout(): string {
  const base = tempDir();
  for (const dir of ['electron/cli', 'common', 'drizzle/schema'])
    fs.mkdirSync(path.join(base, dir), { recursive: true });
  fs.writeFileSync(path.join(base, 'electron/tsconfig.json'), '{}');
  fs.writeFileSync(path.join(base, 'tsconfig.base.json'), '{}');
  fs.writeFileSync(path.join(base, 'electron/cli/main.ts'), 'export {};');
  fs.writeFileSync(path.join(base, 'common/format.ts'), 'export const a = 1;');
  fs.writeFileSync(path.join(base, 'drizzle/schema/index.ts'), 'export {};');
  return base;
}

describe('the compiled CLI knows when its sources changed', () => {
  it('changes with an edit, a new source and a removed one; not with other files', () => {
    const base = fakeCheckout();
    const first = sourceFingerprint(base);
    expect(sourceFingerprint(base)).toBe(first);
    fs.writeFileSync(path.join(base, 'electron/notes.md'), 'not a source');
    expect(sourceFingerprint(base)).toBe(first);

    const edited = path.join(base, 'common/format.ts');
    fs.writeFileSync(edited, 'export const a = 2;');
    const later = new Date(Date.now() + 5_000);
    fs.utimesSync(edited, later, later);
    const afterEdit = sourceFingerprint(base);
    expect(afterEdit).not.toBe(first);

    fs.writeFileSync(path.join(base, 'electron/cli/extra.ts'), 'export {};');
    const afterNew = sourceFingerprint(base);
    expect(afterNew).not.toBe(afterEdit);
    fs.rmSync(path.join(base, 'electron/cli/extra.ts'));
    expect(sourceFingerprint(base)).toBe(afterEdit);
    fs.writeFileSync(path.join(base, 'electron/tsconfig.json'), '{"compilerOptions":{}}');
    expect(sourceFingerprint(base)).not.toBe(afterEdit);
  });

  it("fingerprints the repository's own sources", () => {
    expect(sourceFingerprint(root)).toMatch(/^[0-9a-f]{64}$/);
  });
});
