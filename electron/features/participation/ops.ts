import { z } from 'zod';
import { audited } from '../../../common/audit-texts/index.js';
import { isoDate, kecamatanCode } from '../../api/input-fields.js';
import { ALL_ROLES, op } from '../../api/define.js';
import type { OpContext } from '../../api/define.js';
import { fileSource, usingFileSource } from '../../files/file-source.js';
import { EXPORT_FORMATS } from '../../files/table-columns.js';
import { officeSummary, officeZone } from '../wilayah/service.js';
import { exportParticipation } from './export.js';
import {
  BASELINE_COLUMNS,
  importBaseline,
  importSpOnline,
  readBaselineFile,
  readSpOnlineFile,
  SP_ONLINE_COLUMNS,
  type ReadRows,
} from './import.js';
import { importTemplateOps } from '../../files/import-template.js';
import { participationByDesa, participationByKecamatan, participationCurve } from './overview.js';
import { addSession, deleteSession, listSessions } from './sessions.js';
import { setTarget } from './targets.js';

const desaCode = z.string().regex(/^\d{2}\.\d{2}\.\d{2}\.\d{4}$/, 'expected a village code like 33.16.01.2001');
/** A regency, kecamatan or village code. */
const placeCode = z
  .string()
  .regex(/^\d{2}\.\d{2}(\.\d{2}(\.\d{4})?)?$/, 'expected a regency, kecamatan or village code');

function readFile<T>(
  source: z.infer<typeof fileSource>,
  ctx: Pick<OpContext, 'trusted' | 'dataDir'>,
  read: (path: string) => Promise<ReadRows<T>>,
) {
  return usingFileSource(source, ctx, async (file) => ({ name: file.name, ...(await read(file.path)) }));
}

/** A target's change as the trail says it; no target means the one inherited from above. */
function targetChange(before: number | null, after: number | null) {
  if (before === null)
    return after === null
      ? audited('participation.targetInherited')
      : audited('participation.targetSetFromInherited', { after });
  return after === null
    ? audited('participation.targetSetToInherited', { before })
    : audited('participation.targetSet', { before, after });
}

const templates = importTemplateOps({
  spOnline: { baseName: 'template-sp-online', columns: SP_ONLINE_COLUMNS },
  baseline: { baseName: 'template-penduduk-dasar', columns: BASELINE_COLUMNS },
});

export const participationOps = {
  'participation.importColumns': templates.importColumns,
  'participation.importTemplate': templates.importTemplate,
  'participation.import': op({
    input: z.object({ file: fileSource }),
    writes: true,
    changes: ['participation', 'progress'],
    roles: ['admin', 'operator'],
    prepare: ({ file }, ctx) => readFile(file, ctx, readSpOnlineFile),
    run: (_input, { db, progress }, read) => ({
      file: read.name,
      ...importSpOnline(db, read.rows, progress),
      notices: read.notices,
    }),
    audit: (_input, out) => ({
      entity: 'sp_online',
      entityId: out.file,
      ...audited('participation.spOnlineImported', {
        rows: out.rows,
        first: out.dates.first,
        last: out.dates.last,
        added: out.added,
        replaced: out.replaced,
        unchanged: out.unchanged,
        drops: out.dropCount,
      }),
    }),
  }),
  'participation.importBaseline': op({
    input: z.object({ file: fileSource }),
    writes: true,
    changes: ['participation', 'progress'],
    roles: ['admin', 'operator'],
    prepare: ({ file }, ctx) => readFile(file, ctx, readBaselineFile),
    run: (_input, { db, progress }, read) => ({
      file: read.name,
      ...importBaseline(db, read.rows, progress),
      notices: read.notices,
    }),
    audit: (_input, out) => ({
      entity: 'population_baseline',
      entityId: out.file,
      ...audited('participation.baselineImported', {
        rows: out.rows,
        added: out.added,
        updated: out.updated,
        unchanged: out.unchanged,
      }),
    }),
  }),
  'participation.kecamatan': op({
    input: z.object({ date: isoDate.nullish() }),
    writes: false,
    roles: ALL_ROLES,
    run: ({ date }, { db }) => participationByKecamatan(db, date),
  }),
  'participation.desa': op({
    input: z.object({ kecamatan: kecamatanCode.nullish(), date: isoDate.nullish() }),
    writes: false,
    roles: ALL_ROLES,
    run: ({ kecamatan, date }, { db }) => participationByDesa(db, kecamatan, date),
  }),
  'participation.curve': op({
    input: z.object({ desa: desaCode.nullish() }),
    writes: false,
    roles: ALL_ROLES,
    run: ({ desa }, { db }) => ({ ...participationCurve(db, desa), sessions: desa ? listSessions(db, desa) : [] }),
  }),
  'participation.setTarget': op({
    input: z.object({ kode: placeCode, targetPct: z.number().min(0).max(100).nullable() }),
    writes: true,
    changes: ['participation', 'progress'],
    roles: ['admin', 'koordinator'],
    run: ({ kode, targetPct }, { db }) => setTarget(db, kode, targetPct),
    audit: (_input, out) => ({
      entity: 'participation_target',
      entityId: out.kode,
      ...targetChange(out.before, out.after),
    }),
  }),
  'participation.sessions': op({
    input: z.object({ desa: desaCode.nullish() }),
    writes: false,
    roles: ALL_ROLES,
    run: ({ desa }, { db }) => listSessions(db, desa),
  }),
  'participation.addSession': op({
    input: z.object({
      tanggal: isoDate,
      desaKode: desaCode,
      tempat: z.string().trim().min(1, 'must not be empty').max(120),
      petugas: z.string().trim().min(1, 'must not be empty').max(300),
      kkDibantu: z.number().int().min(0).max(100_000),
    }),
    writes: true,
    changes: ['participation', 'progress'],
    roles: ['admin', 'operator', 'koordinator'],
    run: (input, { db }) => addSession(db, input),
    audit: (_input, out) => ({
      entity: 'jemput_bola',
      entityId: String(out.id),
      ...audited('participation.jemputBolaSaved', {
        tanggal: out.tanggal,
        desa: out.desaKode,
        tempat: out.tempat,
        kk: out.kkDibantu,
      }),
    }),
  }),
  'participation.deleteSession': op({
    input: z.object({ id: z.number().int().positive() }),
    writes: true,
    changes: ['participation', 'progress'],
    roles: ['admin', 'operator', 'koordinator'],
    run: ({ id }, { db }) => deleteSession(db, id),
    audit: (_input, out) => ({
      entity: 'jemput_bola',
      entityId: String(out.id),
      ...audited('participation.jemputBolaDeleted', { tanggal: out.tanggal, desa: out.desaKode, tempat: out.tempat }),
    }),
  }),
  'participation.export': op({
    input: z.object({ level: z.enum(['kecamatan', 'desa']), format: z.enum(EXPORT_FORMATS), date: isoDate.nullish() }),
    writes: false,
    roles: ALL_ROLES,
    prepare: ({ level, format, date }, ctx) => {
      const data =
        level === 'kecamatan' ? participationByKecamatan(ctx.db, date) : participationByDesa(ctx.db, null, date);
      return exportParticipation(ctx, level, data, format, officeSummary(ctx.db)?.nama ?? '', officeZone(ctx.db));
    },
    run: (_input, _ctx, file) => file,
  }),
  // ASN participation per OPD (issue #5) is built with the Zona Integritas employee registry, not here.
};
