import { describe, expect, it } from 'vitest';
import { rawErrorFindings } from '../../scripts/boundaries/raw-errors.js';
import { rawSqlFindings } from '../../scripts/boundaries/raw-sql.js';
import { findCrossings, importsOf } from '../../scripts/boundaries/rules.js';

const rendererFile = (text: string) => ({ file: 'renderer/src/features/x/X.tsx', text });

describe('process boundaries', () => {
  it('lets the renderer import the API types, common code and its own files', () => {
    const text = [
      "import type { Progress } from '../../../../electron/api/types';",
      "import { formatNumber } from '../../../../common/format';",
      "import { useT } from '../../i18n';",
      "import { useState } from 'react';",
    ].join('\n');
    expect(findCrossings([rendererFile(text)])).toEqual([]);
  });

  it('fails a renderer file that reaches into the backend, by value or past electron/api/types', () => {
    const crossings = findCrossings([
      rendererFile(
        [
          "import { operations } from '../../../../electron/api/registry';",
          "import { ApiError } from '../../../../electron/api/types';",
          "import Database from 'better-sqlite3';",
          "import fs from 'node:fs';",
          "import { sls } from '../../../../drizzle/schema';",
        ].join('\n'),
      ),
    ]);
    expect(crossings.map((c) => [c.line, c.rule])).toEqual([
      [1, 'the renderer may import from the backend only electron/api/types'],
      [1, 'imports across sides are type-only (import type …)'],
      [2, 'imports across sides are type-only (import type …)'],
      [3, 'the renderer runs in a sandboxed window: no Node or backend packages'],
      [4, 'the renderer runs in a sandboxed window: no Node or backend packages'],
      [5, 'the renderer knows nothing of the database schema'],
    ]);
  });

  it('keeps common/ pure and the backend away from the renderer', () => {
    const crossings = findCrossings([
      { file: 'common/format.ts', text: "import { db } from '../electron/db/open.js';\nimport path from 'node:path';" },
      { file: 'electron/main/window.ts', text: "const screens = await import('../../renderer/src/App');" },
    ]);
    expect(crossings.map((c) => `${c.file}:${c.line}`)).toEqual([
      'common/format.ts:1',
      'common/format.ts:2',
      'electron/main/window.ts:1',
    ]);
  });

  it('reads type-only imports written either way', () => {
    expect(
      importsOf(
        "import type { A } from './a';\nimport { type B, type C as D } from './b';\nimport { type E, F } from './c';",
      ).map((i) => i.typeOnly),
    ).toEqual([true, true, false]);
  });
});

describe('the database rule', () => {
  const raw = "const rows = db.$client.prepare('SELECT 1').all();";
  it('refuses raw SQL in a backend file that does not say why', () => {
    expect(rawSqlFindings([{ file: 'electron/features/x/list.ts', text: raw }], new Set())).toHaveLength(1);
    expect(
      rawSqlFindings([{ file: 'electron/features/x/list.ts', text: 'db.select().from(t).all();' }], new Set()),
    ).toEqual([]);
  });

  it('accepts it in a file whose first lines give the reason', () => {
    const marked = `// Raw SQL: the apply step runs once per household (bench: import).\n${raw}`;
    expect(rawSqlFindings([{ file: 'electron/features/sync/apply.ts', text: marked }], new Set())).toEqual([]);
  });

  it('keeps the list of files still to convert honest: a converted file must leave it', () => {
    const notYet = new Set(['electron/features/x/list.ts']);
    expect(rawSqlFindings([{ file: 'electron/features/x/list.ts', text: raw }], notYet)).toEqual([]);
    expect(
      rawSqlFindings([{ file: 'electron/features/x/list.ts', text: 'db.select().from(t).all();' }], notYet),
    ).toEqual(['electron/features/x/list.ts: no raw SQL left: remove it from NOT_YET_DRIZZLE']);
  });
});

describe('the one-language rule', () => {
  const raw = "throw new ApiError('NOT_FOUND', 'That user does not exist');";
  const coded = "throw ApiError.problem('NOT_FOUND', 'users.unknown', { username: name });";
  it('refuses a raw English ApiError in a backend file, and allows it only where ApiError lives', () => {
    expect(rawErrorFindings([{ file: 'electron/features/x/service.ts', text: raw }], new Set())).toHaveLength(1);
    expect(rawErrorFindings([{ file: 'electron/features/x/service.ts', text: coded }], new Set())).toEqual([]);
    expect(rawErrorFindings([{ file: 'electron/api/errors.ts', text: raw }], new Set())).toEqual([]);
  });

  it('keeps the list of files still to convert honest: a converted file must leave it', () => {
    const notYet = new Set(['electron/features/x/service.ts']);
    expect(rawErrorFindings([{ file: 'electron/features/x/service.ts', text: raw }], notYet)).toEqual([]);
    expect(rawErrorFindings([{ file: 'electron/features/x/service.ts', text: coded }], notYet)).toEqual([
      'electron/features/x/service.ts: no raw ApiError left: remove it from NOT_YET_CODED',
    ]);
  });
});
