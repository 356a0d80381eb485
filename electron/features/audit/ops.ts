import { z } from 'zod';
import { isoDate } from '../../api/input-fields.js';
import { op, type Role } from '../../api/define.js';
import { localDay } from '../../../common/time-zone.js';
import { EXPORT_FORMATS } from '../../files/table-columns.js';
import { officeZone } from '../wilayah/service.js';
import { exportAudit } from './export.js';
import { auditFacets, listAudit, pageAudit } from './query.js';
import { pageInput } from '../../api/paging.js';
import { verifyAuditChain } from './verify.js';

/** Who may read the trail: the admin and the office head. */
const AUDIT_READERS: readonly Role[] = ['admin', 'pimpinan'];

const filter = z.object({
  actor: z.string().max(64).optional(),
  operation: z.string().max(80).optional(),
  entity: z.string().max(80).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
});

export const auditOps = {
  'audit.list': op({
    input: filter.extend({ limit: z.number().int().min(1).max(10_000).default(1000) }),
    writes: false,
    roles: AUDIT_READERS,
    run: (input, { db }) => ({ rows: listAudit(db, input), facets: auditFacets(db) }),
  }),
  /** The trail a page at a time: `{ offset, limit ≤ 500, filter }` → `{ rows, total }`, newest first. */
  'audit.page': op({
    input: pageInput(['id'], filter.shape),
    writes: false,
    roles: AUDIT_READERS,
    run: (input, { db }) => pageAudit(db, input),
  }),
  /** The values the screen's filters offer. */
  'audit.facets': op({
    input: z.object({}),
    writes: false,
    roles: AUDIT_READERS,
    run: (_input, { db }) => auditFacets(db),
  }),
  'audit.verify': op({
    input: z.object({}),
    writes: false,
    roles: AUDIT_READERS,
    run: (_input, { db }) => verifyAuditChain(db),
  }),
  /** The trail as filtered on the screen: the machine CSV (`audit export`), the Excel CSV or XLSX. */
  'audit.exportCsv': op({
    input: filter.extend({ format: z.enum(EXPORT_FORMATS).default('csv') }),
    writes: false,
    roles: AUDIT_READERS,
    prepare: ({ format, ...where }, ctx) =>
      exportAudit(ctx.db, ctx, format, where, localDay(new Date(), officeZone(ctx.db))),
    run: (_input, _ctx, file) => file,
  }),
};
