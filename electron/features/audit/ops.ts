import { z } from 'zod';
import { op, type Role } from '../../api/define.js';
import { exportedFile, MIME } from '../../files/exported-file.js';
import { toCsv, type ExportColumn } from '../../files/table-export.js';
import { auditFacets, listAudit, type AuditRow } from './query.js';
import { verifyAuditChain } from './verify.js';

/** Who may read the trail: the admin and the office head. */
const AUDIT_READERS: readonly Role[] = ['admin', 'pimpinan'];

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');
const filter = z.object({
  actor: z.string().max(64).optional(),
  operation: z.string().max(80).optional(),
  entity: z.string().max(80).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
});

const CSV_COLUMNS: ExportColumn<AuditRow>[] = [
  { header: 'id', value: (r) => r.id },
  { header: 'at', value: (r) => r.at },
  { header: 'user', value: (r) => r.actor },
  { header: 'operation', value: (r) => r.operation },
  { header: 'entity', value: (r) => r.entity },
  { header: 'entity_id', value: (r) => r.entityId },
  { header: 'summary', value: (r) => r.summary },
  { header: 'before', value: (r) => r.before },
  { header: 'after', value: (r) => r.after },
];

export const auditOps = {
  'audit.list': op({
    input: filter.extend({ limit: z.number().int().min(1).max(10_000).default(1000) }),
    writes: false,
    roles: AUDIT_READERS,
    run: (input, { db }) => ({ rows: listAudit(db, input), facets: auditFacets(db) }),
  }),
  'audit.verify': op({
    input: z.object({}),
    writes: false,
    roles: AUDIT_READERS,
    run: (_input, { db }) => verifyAuditChain(db),
  }),
  'audit.exportCsv': op({
    input: filter,
    writes: false,
    roles: AUDIT_READERS,
    run: (input, { db }) => exportedFile(`audit-${new Date().toISOString().slice(0, 10)}.csv`, MIME.csv, Buffer.from(toCsv(CSV_COLUMNS, listAudit(db, input)))),
  }),
};
