import { z } from 'zod';
import { audited } from '../../../common/audit-texts/index.js';
import { isoDate, slsId } from '../../api/input-fields.js';
import { pageInput } from '../../api/paging.js';
import { pageConflicts, pageHouseholds, pageImports, pageSyncSls } from './sls-households-page.js';
import { ALL_ROLES, op } from '../../api/define.js';
import { fileSource, usingFileSource } from '../../files/file-source.js';
import { EXPORT_FORMATS } from '../../files/table-columns.js';
import { exportHouseholds } from './export.js';
import { importSummary, prepareSyncImport, removeRecordsFile, runSyncImport } from './import.js';
import {
  householdsOfSls,
  importErrors,
  listConflicts,
  listImports,
  resolveConflict,
  slsWithHouseholds,
} from './service.js';

export const syncOps = {
  /** Imports one field sync package; a rejected or duplicate package is recorded and changes nothing else. */
  'sync.import': op({
    input: z.object({ file: fileSource }),
    writes: true,
    changes: ['sync', 'progress'],
    roles: ['admin', 'operator'],
    prepare: async ({ file }, ctx) => {
      return usingFileSource(file, ctx, (resolved) => prepareSyncImport(ctx.db, resolved, ctx.dataDir, ctx.progress));
    },
    run: (_input, ctx, prepared) => {
      try {
        return runSyncImport(ctx.db, prepared, ctx.actor.username, ctx.progress);
      } finally {
        removeRecordsFile(prepared);
      }
    },
    audit: (_input, out) => ({ entity: 'sync_import', entityId: out.package_id, ...importSummary(out) }),
  }),
  'sync.imports': op({
    input: z.object({
      status: z.enum(['imported', 'rejected', 'duplicate']).optional(),
      officer: z.string().max(32).optional(),
      from: isoDate.optional(),
      to: isoDate.optional(),
      search: z.string().max(100).optional(),
      limit: z.number().int().min(1).max(5000).default(1000),
    }),
    writes: false,
    roles: ALL_ROLES,
    run: (input, { db }) => listImports(db, input),
  }),
  'sync.importsPage': op({
    input: pageInput(['id'], {
      status: z.enum(['imported', 'rejected', 'duplicate']).optional(),
      officer: z.string().max(32).optional(),
      from: isoDate.optional(),
      to: isoDate.optional(),
      search: z.string().max(100).optional(),
    }),
    writes: false,
    roles: ALL_ROLES,
    run: (input, { db }) => pageImports(db, input),
  }),
  'sync.importErrors': op({
    input: z.object({ importId: z.number().int().positive() }),
    writes: false,
    roles: ALL_ROLES,
    run: ({ importId }, { db }) => importErrors(db, importId),
  }),
  'sync.conflicts': op({
    input: z.object({ state: z.enum(['open', 'all']).default('open') }),
    writes: false,
    roles: ALL_ROLES,
    run: ({ state }, { db }) => listConflicts(db, state),
  }),
  'sync.conflictsPage': op({
    input: pageInput(['id'], { state: z.enum(['open', 'all']).default('open') }),
    writes: false,
    roles: ALL_ROLES,
    run: (input, { db }) => pageConflicts(db, input),
  }),
  'sync.resolveConflict': op({
    input: z.object({ id: z.number().int().positive(), choice: z.enum(['keep', 'take']) }),
    writes: true,
    changes: ['sync', 'progress'],
    roles: ['admin', 'operator', 'koordinator'],
    run: ({ id, choice }, { db, actor }) => resolveConflict(db, id, choice, actor.username),
    audit: (_input, out) => ({
      entity: 'household',
      entityId: out.householdId,
      ...audited(out.choice === 'keep' ? 'sync.conflictKept' : 'sync.conflictTaken', {
        id: out.id,
        revision: out.revision,
      }),
    }),
  }),
  'sync.sls': op({
    input: z.object({}),
    writes: false,
    roles: ALL_ROLES,
    run: (_input, { db }) => slsWithHouseholds(db),
  }),
  'sync.slsPage': op({
    input: pageInput(['slsId'], { text: z.string().max(100).optional() }).extend({ position: slsId.optional() }),
    writes: false,
    roles: ALL_ROLES,
    run: (input, { db }) => pageSyncSls(db, input),
  }),
  'sync.householdsPage': op({
    input: pageInput(['householdId'], {}).extend({ slsId }),
    writes: false,
    roles: ALL_ROLES,
    run: (input, { db }) => pageHouseholds(db, input),
  }),
  'sync.households': op({
    input: z.object({ slsId }),
    writes: false,
    roles: ALL_ROLES,
    run: ({ slsId: id }, { db }) => householdsOfSls(db, id),
  }),
  /** Every household's current record, or one SLS's (what the screen shows); streamed to a file under the data folder. */
  'sync.exportHouseholds': op({
    input: z.object({ format: z.enum(EXPORT_FORMATS).default('csv'), slsId: slsId.optional() }),
    writes: false,
    roles: ALL_ROLES,
    prepare: ({ format, slsId: sls }, ctx) => exportHouseholds(ctx.db, ctx, format, sls),
    run: (_input, _ctx, file) => file,
  }),
};
