import { z } from 'zod';
import { audited } from '../../../common/audit-texts/index.js';
import { kecamatanCode, slsId } from '../../api/input-fields.js';
import type { Db } from '../../db/open.js';
import { ALL_ROLES, op, type Role } from '../../api/define.js';
import { fileSource, readTableSource } from '../../files/file-source.js';
import { assignmentHistory, assignSls, unassignSls } from './assignments.js';
import { applyBalance, proposeBalance } from './balance.js';
import { EXPORT_FORMATS } from '../../files/table-columns.js';
import { assignmentLetters, exportAssignments } from './exports.js';
import { importOfficerList, OFFICER_COLUMNS } from './officer-import.js';
import { listOfficers, retireOfficer, updateOfficer } from './officers.js';
import { listSls, updateSls } from './sls.js';
import { importSlsMaster, SLS_COLUMNS } from './sls-import.js';
import { pageSls, slsIdsMatching } from './sls-page.js';
import { OFFICER_SORTS, SLS_SORTS } from '../../../common/list-sorts.js';
import { officerLoad, pageOfficers } from './officers-page.js';
import { OFFICER_ROLES } from '../../../drizzle/schema/index.js';
import { pageInput } from '../../api/paging.js';
import { importTemplateOps } from '../../files/import-template.js';

const CLERKS: readonly Role[] = ['admin', 'operator', 'koordinator'];
const COORDINATORS: readonly Role[] = ['admin', 'koordinator'];

const desaCode = z.string().regex(/^\d{2}\.\d{2}\.\d{2}\.\d{4}$/, 'expected a village code like 33.16.01.2001');
const officerCode = z.string().min(1).max(32);
const reason = z.string().trim().min(1).max(200).optional();
const slsFilter = {
  kecamatan: kecamatanCode.optional(),
  desa: desaCode.optional(),
  text: z.string().max(100).optional(),
  ppl: officerCode.optional(),
};
/** The SLS a bulk action touches: the ones picked, or every SLS matching a list filter. */
const slsTarget = z
  .object({ slsIds: z.array(slsId).min(1).max(20_000).optional(), matching: z.object(slsFilter).optional() })
  .refine((i) => (i.slsIds === undefined) !== (i.matching === undefined), 'name slsIds or matching, not both');
const officerFilter = {
  peran: z.enum(OFFICER_ROLES).optional(),
  kecamatan: kecamatanCode.optional(),
  atasan: officerCode.optional(),
  aktif: z.boolean().optional(),
  text: z.string().max(100).optional(),
};
const templates = importTemplateOps({
  sls: { baseName: 'template-master-sls', columns: SLS_COLUMNS },
  officers: { baseName: 'template-petugas', columns: OFFICER_COLUMNS },
});

const targetIds = (db: Db, t: z.infer<typeof slsTarget>): string[] => t.slsIds ?? slsIdsMatching(db, t.matching ?? {});

export const censusOps = {
  'census.importColumns': templates.importColumns,
  'census.importTemplate': templates.importTemplate,
  'census.sls.import': op({
    input: z.object({ file: fileSource }),
    writes: true,
    changes: ['census', 'progress', 'wilayah'],
    roles: CLERKS,
    prepare: ({ file }, ctx) => readTableSource(file, ctx, SLS_COLUMNS),
    run: (_input, ctx, { name, table }) => importSlsMaster(ctx.db, table, name, ctx),
    audit: (_input, out) => ({
      entity: 'sls',
      ...audited('census.slsImported', {
        file: out.file,
        rows: out.rows,
        added: out.added,
        updated: out.updated,
        unchanged: out.unchanged,
        removed: out.removed,
        vanished: out.vanished.length,
      }),
    }),
  }),
  'census.sls.list': op({
    input: z.object({ kecamatan: kecamatanCode.optional(), desa: desaCode.optional() }),
    writes: false,
    roles: ALL_ROLES,
    run: (input, { db }) => listSls(db, input),
  }),
  'census.sls.page': op({
    input: pageInput([...SLS_SORTS], slsFilter),
    writes: false,
    roles: ALL_ROLES,
    run: (input, { db }) => pageSls(db, input),
  }),
  'census.sls.update': op({
    input: z.object({
      slsId,
      version: z.number().int(),
      nama: z.string().max(200).optional(),
      estimatedHouseholds: z.union([z.number(), z.string().max(20)]).optional(),
    }),
    writes: true,
    changes: ['census', 'progress', 'wilayah'],
    roles: CLERKS,
    run: (input, { db }) => updateSls(db, input),
    audit: (_input, out) => ({
      entity: 'sls',
      entityId: out.slsId,
      ...audited('census.slsEdited', { nama: out.nama, households: out.estimatedHouseholds }),
    }),
  }),
  'census.officers.import': op({
    input: z.object({ file: fileSource }),
    writes: true,
    changes: ['census', 'progress'],
    roles: CLERKS,
    prepare: ({ file }, ctx) => readTableSource(file, ctx, OFFICER_COLUMNS),
    run: (_input, ctx, { name, table }) => importOfficerList(ctx.db, table, name, ctx),
    audit: (_input, out) => ({
      entity: 'officer',
      ...audited('census.officersImported', {
        file: out.file,
        rows: out.rows,
        koseka: out.byRole.KOSEKA,
        pml: out.byRole.PML,
        ppl: out.byRole.PPL,
        added: out.added,
        updated: out.updated,
        unchanged: out.unchanged,
      }),
    }),
  }),
  // Every officer at once, for scripts and tests; screens read pages (`census.officers.page`) or one (`.load`).
  'census.officers.list': op({
    input: z.object({}),
    writes: false,
    roles: ALL_ROLES,
    run: (_input, { db }) => listOfficers(db),
  }),
  'census.officers.page': op({
    input: pageInput([...OFFICER_SORTS], officerFilter),
    writes: false,
    roles: ALL_ROLES,
    run: (input, { db }) => pageOfficers(db, input),
  }),
  'census.officers.load': op({
    input: z.object({ kode: officerCode }),
    writes: false,
    roles: ALL_ROLES,
    run: ({ kode }, { db }) => officerLoad(db, kode),
  }),
  'census.officers.update': op({
    input: z.object({
      kode: officerCode,
      version: z.number().int(),
      nama: z.string().max(200).optional(),
      telepon: z.string().max(40).optional(),
      kecamatanKode: z.string().max(20).optional(),
      atasanKode: z.string().max(40).optional(),
      aktif: z.boolean().optional(),
      mulai: z.string().max(20).optional(),
    }),
    writes: true,
    changes: ['census', 'progress'],
    roles: CLERKS,
    run: (input, { db }) => updateOfficer(db, input),
    audit: (input, out) => ({
      entity: 'officer',
      entityId: out.kode,
      ...audited('census.officerEdited', {
        fields: Object.keys(input)
          .filter((k) => k !== 'kode' && k !== 'version')
          .join(', '),
      }),
    }),
  }),
  'census.officers.retire': op({
    input: z.object({ kode: officerCode, replacement: officerCode.optional() }),
    writes: true,
    changes: ['census', 'progress'],
    roles: COORDINATORS,
    run: ({ kode, replacement }, { db }) => retireOfficer(db, kode, replacement ?? null),
    audit: (_input, out) => ({
      entity: 'officer',
      entityId: out.kode,
      ...(out.replacement
        ? audited('census.officerRetiredReplaced', {
            replacement: out.replacement,
            movedSls: out.movedSls,
            movedTeam: out.movedTeam,
          })
        : audited('census.officerRetired')),
    }),
  }),
  'census.assignments.assign': op({
    input: z.intersection(slsTarget, z.object({ officer: officerCode, reason })),
    writes: true,
    changes: ['census', 'progress'],
    roles: COORDINATORS,
    run: (input, { db }) => assignSls(db, targetIds(db, input), input.officer, input.reason ?? null),
    audit: (input, out) => ({
      entity: 'assignment',
      entityId: out.officer,
      ...audited(input.reason ? 'census.assignedBecause' : 'census.assigned', {
        total: out.assigned + out.moved + out.unchanged,
        officer: out.officer,
        assigned: out.assigned,
        moved: out.moved,
        unchanged: out.unchanged,
        reason: input.reason ?? '',
      }),
    }),
  }),
  'census.assignments.unassign': op({
    input: z.intersection(slsTarget, z.object({ reason })),
    writes: true,
    changes: ['census', 'progress'],
    roles: COORDINATORS,
    run: (input, { db }) => unassignSls(db, targetIds(db, input), input.reason ?? null),
    audit: (input, out) => ({
      entity: 'assignment',
      ...audited(input.reason ? 'census.unassignedBecause' : 'census.unassigned', {
        ended: out.ended,
        unchanged: out.unchanged,
        reason: input.reason ?? '',
      }),
    }),
  }),
  'census.assignments.history': op({
    input: z
      .object({ slsId: slsId.optional(), officer: officerCode.optional() })
      .refine((i) => i.slsId || i.officer, 'name an SLS or an officer'),
    writes: false,
    roles: ALL_ROLES,
    run: ({ slsId, officer }, { db }) => assignmentHistory(db, { slsId, officerCode: officer }),
  }),
  'census.assignments.propose': op({
    input: z.object({ kecamatan: kecamatanCode }),
    writes: false,
    roles: ALL_ROLES,
    run: ({ kecamatan }, { db }) => proposeBalance(db, kecamatan),
  }),
  'census.assignments.applyBalance': op({
    input: z.object({
      kecamatan: kecamatanCode,
      items: z.array(z.object({ slsId, officerCode })).min(1).max(20_000),
      /** The coordinator saw which PPL end up outside the load bounds and applies anyway. */
      confirmOutOfBounds: z.boolean().optional(),
    }),
    writes: true,
    changes: ['census', 'progress'],
    roles: COORDINATORS,
    run: ({ kecamatan, items, confirmOutOfBounds }, { db }) =>
      applyBalance(db, kecamatan, items, confirmOutOfBounds ?? false),
    audit: (_input, out) => ({
      entity: 'assignment',
      entityId: out.kecamatan,
      ...audited(out.outOfBounds.length ? 'census.balanceAcceptedOutside' : 'census.balanceAccepted', {
        assigned: out.assigned,
        moved: out.moved,
        unchanged: out.unchanged,
        outside: out.outOfBounds.join(', '),
      }),
    }),
  }),
  // Exports stream into a file under the data folder in prepare (a page of rows at a time) and return its handle.
  'census.assignments.export': op({
    input: z.object({ kecamatan: kecamatanCode.optional(), format: z.enum(EXPORT_FORMATS) }),
    writes: false,
    roles: ALL_ROLES,
    prepare: ({ kecamatan, format }, ctx) => exportAssignments(ctx.db, ctx, format, kecamatan),
    run: (_input, _ctx, file) => file,
  }),
  'census.assignments.letters': op({
    input: z.object({ kecamatan: kecamatanCode.optional() }),
    writes: false,
    roles: ALL_ROLES,
    prepare: ({ kecamatan }, ctx) => assignmentLetters(ctx.db, ctx, kecamatan),
    run: (_input, _ctx, file) => file,
  }),
};
