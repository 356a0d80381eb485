import { sql } from 'drizzle-orm';
import { OPD_KINDS } from '../../common/opd-kinds.js';
import { check, index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

export { OPD_KINDS } from '../../common/opd-kinds.js';
export const EMPLOYEE_STATUSES = ['PNS', 'PPPK', 'NON-ASN'] as const;
export const AUDIT_OPINIONS = ['WTP', 'WDP', 'TW', 'TMP'] as const;
/** Best first: a grade "at least CC" is one at or before CC in this list. */
export const SAKIP_GRADES = ['AA', 'A', 'BB', 'B', 'CC', 'C', 'D'] as const;
export const ZI_STAGES = [
  'pencanangan',
  'pembangunan',
  'penilaian_internal',
  'pengusulan',
  'evaluasi_tpn',
  'ditetapkan',
  'perbaikan',
] as const;
export const ZI_PREDICATES = ['WBK', 'WBBM'] as const;
export const LKE_PARTS = ['pengungkit', 'hasil'] as const;

/** The regency's work units (office-files.md §5). `version` guards edits (optimistic versioning). */
export const opd = sqliteTable('opd', {
  kode: text('kode').primaryKey(),
  nama: text('nama').notNull().unique(),
  jenis: text('jenis', { enum: OPD_KINDS }).notNull(),
  kepala: text('kepala'),
  version: integer('version').notNull().default(1),
  updatedAt: text('updated_at').notNull(),
});

/**
 * Employees from the BKD list (§4). NIP is null for NON-ASN staff, who are matched on re-import by
 * name within their unit. `opd_since` is when they joined their current OPD (first import or transfer).
 */
export const employees = sqliteTable(
  'employees',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    nip: text('nip').unique(),
    nama: text('nama').notNull(),
    jabatan: text('jabatan').notNull().default(''),
    status: text('status', { enum: EMPLOYEE_STATUSES }).notNull(),
    opdKode: text('opd_kode')
      .notNull()
      .references(() => opd.kode),
    opdSince: text('opd_since').notNull(),
    /** Set when a newer list no longer holds the employee; never deleted (pacts refer to them). */
    leftAt: text('left_at'),
    version: integer('version').notNull().default(1),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [index('employees_opd_idx').on(t.opdKode)],
);

export const employeeTransfers = sqliteTable(
  'employee_transfers',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    employeeId: integer('employee_id')
      .notNull()
      .references(() => employees.id),
    fromOpd: text('from_opd')
      .notNull()
      .references(() => opd.kode),
    toOpd: text('to_opd')
      .notNull()
      .references(() => opd.kode),
    date: text('date').notNull(),
  },
  (t) => [index('employee_transfers_employee_idx').on(t.employeeId)],
);

/** Files the committee keeps (scans, declaration documents, evidence), stored as `<dataDir>/integrity/<sha256>`. */
export const integrityFiles = sqliteTable('integrity_files', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  sha256: text('sha256').notNull(),
  name: text('name').notNull(),
  size: integer('size').notNull(),
  createdAt: text('created_at').notNull(),
});

/** A pencanangan ceremony: where and when, which OPD, which witnesses, and the signed declaration. */
export const declarationEvents = sqliteTable('declaration_events', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  date: text('date').notNull(),
  place: text('place').notNull(),
  note: text('note').notNull().default(''),
  documentId: integer('document_id').references(() => integrityFiles.id),
  createdAt: text('created_at').notNull(),
});

export const declarationOpd = sqliteTable(
  'declaration_opd',
  {
    eventId: integer('event_id')
      .notNull()
      .references(() => declarationEvents.id),
    opdKode: text('opd_kode')
      .notNull()
      .references(() => opd.kode),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.opdKode] }), index('declaration_opd_opd_idx').on(t.opdKode)],
);

export const declarationWitnesses = sqliteTable('declaration_witnesses', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  eventId: integer('event_id')
    .notNull()
    .references(() => declarationEvents.id),
  nama: text('nama').notNull(),
  jabatan: text('jabatan').notNull(),
});

/**
 * Integrity pacts. A revoked or corrected pact stays with its reason; at most one active pact per
 * employee and OPD. A transferred employee signs again in the new OPD.
 */
export const pacts = sqliteTable(
  'pacts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    employeeId: integer('employee_id')
      .notNull()
      .references(() => employees.id),
    opdKode: text('opd_kode')
      .notNull()
      .references(() => opd.kode),
    signedAt: text('signed_at').notNull(),
    eventId: integer('event_id').references(() => declarationEvents.id),
    scanId: integer('scan_id').references(() => integrityFiles.id),
    status: text('status', { enum: ['active', 'revoked', 'corrected'] }).notNull(),
    /** Why it was revoked or corrected, and which pact replaced a corrected one. */
    endReason: text('end_reason'),
    replacedBy: integer('replaced_by'),
    createdAt: text('created_at').notNull(),
    createdBy: text('created_by').notNull(),
  },
  (t) => [
    uniqueIndex('pacts_one_active').on(t.employeeId, t.opdKode).where(sql`${t.status} = 'active'`),
    index('pacts_opd_idx').on(t.opdKode, t.status),
  ],
);

/** Every step of an OPD on the road to WBK/WBBM; the latest row is the current stage. */
export const ziStages = sqliteTable(
  'zi_stages',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    opdKode: text('opd_kode')
      .notNull()
      .references(() => opd.kode),
    stage: text('stage', { enum: ZI_STAGES }).notNull(),
    date: text('date').notNull(),
    note: text('note').notNull().default(''),
    tpiScore: real('tpi_score'),
    predicate: text('predicate', { enum: ZI_PREDICATES }),
    decreeNumber: text('decree_number'),
    decreeDate: text('decree_date'),
    createdAt: text('created_at').notNull(),
    createdBy: text('created_by').notNull(),
  },
  (t) => [index('zi_stages_opd_idx').on(t.opdKode, t.id)],
);

export const ziStageDocuments = sqliteTable(
  'zi_stage_documents',
  {
    stageId: integer('stage_id')
      .notNull()
      .references(() => ziStages.id),
    fileId: integer('file_id')
      .notNull()
      .references(() => integrityFiles.id),
  },
  (t) => [primaryKey({ columns: [t.stageId, t.fileId] })],
);

/** Audit opinion and SAKIP grade of an OPD for a year: the gate before pengusulan. */
export const ziRequirements = sqliteTable(
  'zi_requirements',
  {
    opdKode: text('opd_kode')
      .notNull()
      .references(() => opd.kode),
    year: integer('year').notNull(),
    auditOpinion: text('audit_opinion', { enum: AUDIT_OPINIONS }),
    sakipGrade: text('sakip_grade', { enum: SAKIP_GRADES }),
    version: integer('version').notNull().default(1),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.opdKode, t.year] })],
);

/** LKE worksheet areas with their weights: data seeded with PermenPAN-RB 90/2021, editable by an admin. */
export const lkeItems = sqliteTable(
  'lke_items',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    code: text('code').notNull().unique(),
    part: text('part', { enum: LKE_PARTS }).notNull(),
    nama: text('nama').notNull(),
    weight: real('weight').notNull(),
    sortOrder: integer('sort_order').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [check('lke_items_weight_range', sql`${t.weight} >= 0 AND ${t.weight} <= 100`)],
);

export const lkePassMarks = sqliteTable('lke_pass_marks', {
  predicate: text('predicate', { enum: ZI_PREDICATES }).primaryKey(),
  minTotal: real('min_total').notNull(),
  minPengungkit: real('min_pengungkit').notNull(),
  version: integer('version').notNull().default(1),
});

/** One answer per OPD, year and LKE area: the achievement in percent of the area's weight, and a note. */
export const lkeAnswers = sqliteTable(
  'lke_answers',
  {
    opdKode: text('opd_kode')
      .notNull()
      .references(() => opd.kode),
    year: integer('year').notNull(),
    itemId: integer('item_id')
      .notNull()
      .references(() => lkeItems.id),
    achievement: real('achievement').notNull(),
    note: text('note').notNull().default(''),
    version: integer('version').notNull().default(1),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.opdKode, t.year, t.itemId] }),
    check('lke_answers_range', sql`${t.achievement} BETWEEN 0 AND 100`),
  ],
);

export const lkeEvidence = sqliteTable(
  'lke_evidence',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    opdKode: text('opd_kode')
      .notNull()
      .references(() => opd.kode),
    year: integer('year').notNull(),
    itemId: integer('item_id')
      .notNull()
      .references(() => lkeItems.id),
    fileId: integer('file_id')
      .notNull()
      .references(() => integrityFiles.id),
  },
  (t) => [index('lke_evidence_idx').on(t.opdKode, t.year, t.itemId)],
);

/** ASN who completed SP Online (issue 5), one row per employee. */
export const asnSpOnline = sqliteTable('asn_sp_online', {
  employeeId: integer('employee_id')
    .primaryKey()
    .references(() => employees.id),
  completedAt: text('completed_at').notNull(),
  markedBy: text('marked_by').notNull(),
});
