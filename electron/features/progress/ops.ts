import { z } from 'zod';
import { isoDate } from '../../api/input-fields.js';
import { ALL_ROLES, op } from '../../api/define.js';
import { EXPORT_FORMATS } from '../../files/table-columns.js';
import { officeSummary, officeToday, officeZone } from '../wilayah/service.js';
import { PROGRESS_LEVELS } from './coverage.js';
import { progressDashboard } from './dashboard.js';
import { dailyReportPdf } from './daily-report.js';
import { chainHead } from '../audit/head.js';
import { exportProgress } from './export.js';
import { progressTable } from './tables.js';

/** "Today" for plan and quiet SLS (the office's day, in its zone); callers may look from another day. */
const asOf = isoDate.optional();
const level = z.enum(PROGRESS_LEVELS);
const parent = z.string().max(40).nullish();

export const progressOps = {
  'progress.dashboard': op({
    input: z.object({ asOf }),
    writes: false,
    roles: ALL_ROLES,
    run: ({ asOf }, { db }) => progressDashboard(db, asOf ?? officeToday(db)),
  }),
  'progress.table': op({
    input: z.object({ level, parent, asOf }),
    writes: false,
    roles: ALL_ROLES,
    run: ({ level, parent, asOf }, { db }) => progressTable(db, level, parent ?? null, asOf ?? officeToday(db)),
  }),
  'progress.export': op({
    input: z.object({ level, parent, asOf, format: z.enum(EXPORT_FORMATS) }),
    writes: false,
    roles: ALL_ROLES,
    prepare: ({ level, parent, asOf, format }, ctx) =>
      exportProgress(
        ctx,
        progressTable(ctx.db, level, parent ?? null, asOf ?? officeToday(ctx.db)),
        format,
        officeSummary(ctx.db)?.nama ?? '',
        officeZone(ctx.db),
      ),
    run: (_input, _ctx, file) => file,
  }),
  'progress.dailyReport': op({
    input: z.object({ asOf }),
    writes: false,
    roles: ALL_ROLES,
    prepare: ({ asOf }, ctx) =>
      dailyReportPdf(
        ctx,
        progressDashboard(ctx.db, asOf ?? officeToday(ctx.db)),
        officeToday(ctx.db),
        chainHead(ctx.db.$client),
      ),
    run: (_input, _ctx, file) => file,
  }),
};
