import { z } from 'zod';
import { ZONES } from '../../common/time-zone.js';
import { ALL_ROLES, op } from '../api/define.js';
import type { Columns } from './table-validate.js';
import { EXPORT_FORMATS, type TableColumn } from './table-columns.js';
import { exportTable } from './write-export.js';

/** One column an import expects, as its file's header names it. */
export interface ImportColumn {
  name: string;
  optional: boolean;
}

/** What one office spreadsheet import reads: the file name of its template and the parser's own columns. */
export interface ImportTable {
  baseName: string;
  columns: Columns;
}

/** The header an import expects, straight from the columns its parser validates. */
export function importColumns(columns: Columns): ImportColumn[] {
  return Object.entries(columns).map(([name, rule]) => ({ name, optional: rule.optional === true }));
}

/**
 * The template's columns: every header a text cell named exactly as the parser expects it. A code
 * column (ids, NIP, phone) is formatted as Text in the .xlsx, so what a clerk types there stays the
 * digits typed instead of becoming a number that loses them.
 */
function templateColumns(columns: Columns): TableColumn<never>[] {
  return Object.entries(columns).map(([name, rule]) => ({
    key: name,
    label: name,
    kind: rule.code ? 'code' : 'text',
    value: () => '',
    width: 18,
  }));
}

/**
 * Two operations for a feature's spreadsheet imports: `importColumns` lists what each import expects
 * (the import panels show it), `importTemplate` writes an empty file with that header row, in the
 * export formats, handed out like every export (desktop save dialog, office-mode download).
 */
export function importTemplateOps<K extends string>(tables: Record<K, ImportTable>) {
  const names = Object.keys(tables) as [K, ...K[]];
  return {
    importColumns: op({
      input: z.object({}),
      writes: false,
      roles: ALL_ROLES,
      run: () =>
        Object.fromEntries(names.map((name) => [name, importColumns(tables[name].columns)])) as Record<
          K,
          ImportColumn[]
        >,
    }),
    importTemplate: op({
      input: z.object({ table: z.enum(names), format: z.enum(EXPORT_FORMATS) }),
      writes: false,
      roles: ALL_ROLES,
      prepare: ({ table, format }, ctx) => {
        const { baseName, columns } = tables[table as K];
        const header = templateColumns(columns);
        return exportTable(ctx, format, {
          baseName,
          machine: header,
          people: header,
          sheets: [{ name: baseName, pages: () => [] }],
          total: 0,
          zone: ZONES.WIB,
        });
      },
      run: (_input, _ctx, file) => file,
    }),
  };
}
