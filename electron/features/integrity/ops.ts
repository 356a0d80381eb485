import { z } from 'zod';
import { audited } from '../../../common/audit-texts/index.js';
import { AUDIT_OPINIONS, OPD_KINDS, SAKIP_GRADES, ZI_PREDICATES, ZI_STAGES } from '../../../drizzle/schema/index.js';
import { ALL_ROLES, op, type Role } from '../../api/define.js';
import { fileSource, readTableSource } from '../../files/file-source.js';
import { cell } from '../../files/table-validate.js';
import { today } from '../../../common/dates.js';
import { createDeclaration, listDeclarations } from './declarations.js';
import { opdDetail } from './detail.js';
import { discardStaged, exportKeptFile, stageFile, stageFiles } from './files.js';
import { importOpd, OPD_COLUMNS } from './import-opd.js';
import { importPegawai, PEGAWAI_COLUMNS } from './import-pegawai.js';
import { addLkeEvidence, answerLke, lkeModel, lkeSheet, updateLkeItem, updatePassMark } from './lke.js';
import { attachPactScan, correctPact, pactHistory, revokePact, signPacts } from './pacts.js';
import { getEmployee, listEmployees, listOpd, updateOpd } from './registers.js';
import { EXPORT_FORMATS } from '../../files/table-columns.js';
import { exportIntegrity, exportPacts, signatureListPdf } from './reports.js';
import { advanceStage, requirementsFor, setRequirements, stageHistory } from './stages.js';
import { asnParticipation, markSpOnline } from './asn.js';
import { importTemplateOps } from '../../files/import-template.js';

/** Who keeps the registers (clerks and the reform team) and who records pacts and stages. */
const REGISTER_ROLES: readonly Role[] = ['admin', 'operator', 'timzi'];
const ZI_ROLES: readonly Role[] = ['admin', 'timzi'];

const isoDate = cell.date();
const opdCode = z.string().min(1).max(32);
const year = z.number().int().min(2000).max(2100);
const nipList = z.array(z.string().regex(/^\d{1,30}$/, 'a NIP is digits only')).max(5000);
const idList = z.array(z.number().int().positive()).max(5000);

const templates = importTemplateOps({
  opd: { baseName: 'template-daftar-opd', columns: OPD_COLUMNS },
  employees: { baseName: 'template-pegawai', columns: PEGAWAI_COLUMNS },
});

export const integrityOps = {
  'integrity.importColumns': templates.importColumns,
  'integrity.importTemplate': templates.importTemplate,
  'integrity.opd.import': op({
    input: z.object({ file: fileSource }),
    writes: true,
    roles: REGISTER_ROLES,
    prepare: ({ file }, ctx) => readTableSource(file, ctx, OPD_COLUMNS).then((read) => read.table),
    run: (_input, ctx, table) => importOpd(ctx.db, table, ctx),
    audit: (_i, out) => ({
      entity: 'opd',
      ...audited('integrity.opdImported', {
        rows: out.rows,
        added: out.added,
        updated: out.updated,
        unchanged: out.unchanged,
        notInFile: out.notInFile.length,
      }),
    }),
  }),
  'integrity.opd.list': op({ input: z.object({}), writes: false, roles: ALL_ROLES, run: (_i, { db }) => listOpd(db) }),
  'integrity.opd.detail': op({
    input: z.object({ kode: opdCode }),
    writes: false,
    roles: ALL_ROLES,
    run: ({ kode }, { db }) => opdDetail(db, kode),
  }),
  'integrity.opd.update': op({
    input: z.object({
      kode: opdCode,
      nama: z.string().trim().min(1).max(150),
      jenis: z.enum(OPD_KINDS),
      kepala: z.string().trim().max(120).nullable(),
      version: z.number().int(),
    }),
    writes: true,
    roles: REGISTER_ROLES,
    run: (input, { db }) => updateOpd(db, input),
    audit: (input, out) => ({
      entity: 'opd',
      entityId: input.kode,
      ...audited('integrity.opdEdited', {
        before: out.before.nama,
        after: out.after.nama,
        jenis: out.after.jenis,
        kepala: out.after.kepala ?? '-',
      }),
    }),
  }),
  'integrity.pegawai.import': op({
    input: z.object({ file: fileSource, date: isoDate.optional() }),
    writes: true,
    roles: REGISTER_ROLES,
    prepare: ({ file }, ctx) => readTableSource(file, ctx, PEGAWAI_COLUMNS).then((read) => read.table),
    run: ({ date }, ctx, table) => importPegawai(ctx.db, table, date ?? today(), ctx),
    audit: (_i, out) => ({
      entity: 'pegawai',
      ...audited('integrity.pegawaiImported', {
        rows: out.rows,
        added: out.added,
        updated: out.updated,
        transferred: out.transferred,
        unchanged: out.unchanged,
        left: out.left.length,
      }),
    }),
  }),
  'integrity.pegawai.list': op({
    input: z.object({ opd: opdCode.optional() }),
    writes: false,
    roles: ALL_ROLES,
    run: ({ opd }, { db }) => listEmployees(db, opd),
  }),
  /** The employee's own record: the one place the full NIP is returned. */
  'integrity.pegawai.get': op({
    input: z.object({ id: z.number().int().positive() }),
    writes: false,
    roles: REGISTER_ROLES,
    run: ({ id }, { db }) => ({ ...getEmployee(db, id), pacts: pactHistory(db, id) }),
  }),
  'integrity.declaration.list': op({
    input: z.object({}),
    writes: false,
    roles: ALL_ROLES,
    run: (_i, { db }) => listDeclarations(db),
  }),
  'integrity.declaration.create': op({
    input: z.object({
      date: isoDate,
      place: z.string().trim().min(1).max(200),
      note: z.string().max(2000).default(''),
      opd: z.array(opdCode).min(1),
      witnesses: z
        .array(z.object({ nama: z.string().trim().min(1).max(120), jabatan: z.string().trim().min(1).max(120) }))
        .max(50),
      document: fileSource.optional(),
    }),
    writes: true,
    roles: ZI_ROLES,
    prepare: ({ document }, ctx) => Promise.resolve(document ? stageFile(document, ctx) : null),
    discard: (_input, { db }, staged) => discardStaged(db, staged),
    run: (input, { db, actor }, doc) => createDeclaration(db, input, doc, actor),
    audit: (input, out) => ({
      entity: 'declaration',
      entityId: String(out.id),
      ...audited('integrity.declarationRecorded', {
        date: input.date,
        place: input.place,
        opd: out.opd,
        witnesses: out.witnesses,
      }),
    }),
  }),
  'integrity.pact.sign': op({
    input: z.object({
      opd: opdCode,
      employeeIds: idList.optional(),
      nips: nipList.optional(),
      signedAt: isoDate.default(today),
      eventId: z.number().int().positive().nullable().optional(),
      scan: fileSource.optional(),
    }),
    writes: true,
    roles: ZI_ROLES,
    prepare: ({ scan }, ctx) => Promise.resolve(scan ? stageFile(scan, ctx) : null),
    discard: (_input, { db }, staged) => discardStaged(db, staged),
    run: (input, { db, actor }, scan) => signPacts(db, input, scan, actor),
    audit: (input, out) => ({
      entity: 'pact',
      entityId: out.opd,
      ...audited(input.eventId ? 'integrity.pactsSignedAtDeclaration' : 'integrity.pactsSigned', {
        signed: out.signed,
        signedAt: input.signedAt,
        eventId: input.eventId ?? '',
        alreadySigned: out.alreadySigned,
      }),
    }),
  }),
  'integrity.pact.revoke': op({
    input: z.object({ pactId: z.number().int().positive(), reason: z.string().trim().min(3).max(500) }),
    writes: true,
    roles: ZI_ROLES,
    run: ({ pactId, reason }, { db }) => revokePact(db, pactId, reason),
    audit: (input, out) => ({
      entity: 'pact',
      entityId: String(out.id),
      ...audited('integrity.pactRevoked', { opd: out.opd, reason: input.reason }),
    }),
  }),
  'integrity.pact.correct': op({
    input: z.object({
      pactId: z.number().int().positive(),
      signedAt: isoDate,
      eventId: z.number().int().positive().nullable(),
      reason: z.string().trim().min(3).max(500),
    }),
    writes: true,
    roles: ZI_ROLES,
    run: (input, { db, actor }) => correctPact(db, input, actor),
    audit: (input, out) => ({
      entity: 'pact',
      entityId: String(out.replaced),
      ...audited('integrity.pactCorrected', {
        id: out.id,
        signedAt: input.signedAt,
        eventId: input.eventId ?? '-',
        reason: input.reason,
      }),
    }),
  }),
  'integrity.pact.attachScan': op({
    input: z.object({ pactIds: idList.min(1), scan: fileSource }),
    writes: true,
    roles: ZI_ROLES,
    prepare: ({ scan }, ctx) => Promise.resolve(stageFile(scan, ctx)),
    discard: (_input, { db }, staged) => discardStaged(db, staged),
    run: ({ pactIds }, { db }, scan) => attachPactScan(db, pactIds, scan),
    audit: (_i, out) => ({
      entity: 'pact',
      ...audited('integrity.scanAttached', { scanId: out.scanId, pacts: out.pacts }),
    }),
  }),
  /** A kept scan or document, refused when its bytes no longer match the recorded SHA-256. */
  'integrity.file.open': op({
    input: z.object({ fileId: z.number().int().positive() }),
    writes: false,
    roles: ALL_ROLES,
    prepare: ({ fileId }, { db, dataDir }) => exportKeptFile(db, dataDir, fileId),
    run: (_input, _ctx, file) => file,
  }),
  'integrity.stage.history': op({
    input: z.object({ opd: opdCode }),
    writes: false,
    roles: ALL_ROLES,
    run: ({ opd }, { db }) => stageHistory(db, opd),
  }),
  'integrity.stage.advance': op({
    input: z.object({
      opd: opdCode,
      stage: z.enum(ZI_STAGES),
      date: isoDate,
      note: z.string().max(2000).default(''),
      tpiScore: z.number().min(0).max(100).nullable().optional(),
      predicate: z.enum(ZI_PREDICATES).nullable().optional(),
      decreeNumber: z.string().trim().max(120).nullable().optional(),
      decreeDate: isoDate.nullable().optional(),
      documents: z.array(fileSource).max(20).optional(),
    }),
    writes: true,
    roles: ZI_ROLES,
    prepare: ({ documents }, ctx) => Promise.resolve(stageFiles(documents, ctx)),
    discard: (_input, { db }, staged) => discardStaged(db, staged),
    run: (input, { db, actor }, docs) => advanceStage(db, input, docs, actor),
    audit: (input, out) => ({
      entity: 'zi_stage',
      entityId: out.opd,
      ...(out.from
        ? audited('integrity.stageChanged', { from: out.from, stage: out.stage, date: input.date })
        : audited('integrity.stageFirst', { stage: out.stage, date: input.date })),
    }),
  }),
  'integrity.requirements.get': op({
    input: z.object({ opd: opdCode, year }),
    writes: false,
    roles: ALL_ROLES,
    run: ({ opd, year }, { db }) => requirementsFor(db, opd, year),
  }),
  'integrity.requirements.set': op({
    input: z.object({
      opd: opdCode,
      year,
      auditOpinion: z.enum(AUDIT_OPINIONS).nullable(),
      sakipGrade: z.enum(SAKIP_GRADES).nullable(),
      version: z.number().int(),
    }),
    writes: true,
    roles: ZI_ROLES,
    run: (input, { db }) => setRequirements(db, input),
    audit: (input) => ({
      entity: 'zi_requirements',
      entityId: `${input.opd}/${input.year}`,
      ...audited('integrity.requirementsSet', { opinion: input.auditOpinion ?? '-', grade: input.sakipGrade ?? '-' }),
    }),
  }),
  'integrity.lke.model': op({
    input: z.object({}),
    writes: false,
    roles: ALL_ROLES,
    run: (_i, { db }) => lkeModel(db),
  }),
  'integrity.lke.updateItem': op({
    input: z.object({
      id: z.number().int().positive(),
      nama: z.string().trim().min(1).max(200),
      weight: z.number().min(0).max(100),
      version: z.number().int(),
    }),
    writes: true,
    roles: ['admin'],
    run: (input, { db }) => updateLkeItem(db, input),
    audit: (_i, out) => ({
      entity: 'lke_item',
      entityId: out.code,
      ...audited('integrity.lkeWeight', { before: out.before, after: out.after }),
    }),
  }),
  'integrity.lke.updatePassMark': op({
    input: z.object({
      predicate: z.enum(ZI_PREDICATES),
      minTotal: z.number().min(0).max(100),
      minPengungkit: z.number().min(0).max(100),
      version: z.number().int(),
    }),
    writes: true,
    roles: ['admin'],
    run: (input, { db }) => updatePassMark(db, input),
    audit: (_i, out) => ({
      entity: 'lke_pass_mark',
      entityId: out.predicate,
      ...audited('integrity.lkePassMark', { minTotal: out.minTotal, minPengungkit: out.minPengungkit }),
    }),
  }),
  'integrity.lke.sheet': op({
    input: z.object({ opd: opdCode, year }),
    writes: false,
    roles: ALL_ROLES,
    run: ({ opd, year }, { db }) => lkeSheet(db, opd, year),
  }),
  'integrity.lke.answer': op({
    input: z.object({
      opd: opdCode,
      year,
      itemId: z.number().int().positive(),
      achievement: z.number().min(0).max(100),
      note: z.string().max(4000).default(''),
      version: z.number().int(),
    }),
    writes: true,
    roles: ZI_ROLES,
    run: (input, { db }) => answerLke(db, input),
    audit: (input, out) => ({
      entity: 'lke',
      entityId: `${input.opd}/${input.year}`,
      ...audited('integrity.lkeScored', { item: input.itemId, achievement: input.achievement, total: out.total }),
    }),
  }),
  'integrity.lke.addEvidence': op({
    input: z.object({
      opd: opdCode,
      year,
      itemId: z.number().int().positive(),
      files: z.array(fileSource).min(1).max(20),
    }),
    writes: true,
    roles: ZI_ROLES,
    prepare: ({ files }, ctx) => Promise.resolve(stageFiles(files, ctx)),
    discard: (_input, { db }, staged) => discardStaged(db, staged),
    run: (input, { db }, files) => addLkeEvidence(db, input, files),
    audit: (input, out) => ({
      entity: 'lke',
      entityId: `${input.opd}/${input.year}`,
      ...audited('integrity.lkeEvidence', { added: out.added, item: input.itemId }),
    }),
  }),
  'integrity.export.pacts': op({
    input: z.object({ opd: opdCode.optional(), format: z.enum(EXPORT_FORMATS) }),
    writes: false,
    roles: ALL_ROLES,
    prepare: ({ opd, format }, ctx) => exportPacts(ctx.db, ctx, format, opd),
    run: (_i, _ctx, file) => file,
  }),
  'integrity.export.integrity': op({
    input: z.object({ format: z.enum(EXPORT_FORMATS) }),
    writes: false,
    roles: ALL_ROLES,
    prepare: ({ format }, ctx) => exportIntegrity(ctx.db, ctx, format),
    run: (_i, _ctx, file) => file,
  }),
  'integrity.export.signatureList': op({
    input: z.object({ opd: opdCode }),
    writes: false,
    roles: ALL_ROLES,
    prepare: ({ opd }, ctx) => signatureListPdf(ctx.db, ctx, opd),
    run: (_i, _ctx, file) => file,
  }),
  'integrity.asn.spOnline.mark': op({
    input: z.object({
      employeeIds: idList.optional(),
      nips: nipList.optional(),
      date: isoDate.default(today),
      done: z.boolean().default(true),
    }),
    writes: true,
    roles: ['admin', 'operator', 'timzi', 'koordinator'],
    run: (input, { db, actor }) => markSpOnline(db, input, actor),
    audit: (input, out) => ({
      entity: 'asn_sp_online',
      ...audited(out.done ? 'integrity.spOnlineMarked' : 'integrity.spOnlineUnmarked', {
        changed: out.changed,
        date: input.date,
        unchanged: out.unchanged,
      }),
    }),
  }),
  'integrity.asn.participation': op({
    input: z.object({}),
    writes: false,
    roles: ALL_ROLES,
    run: (_i, { db }) => asnParticipation(db),
  }),
};
