import { eq } from 'drizzle-orm';
import { maskNip } from '../../../common/nip.js';
import { employees, employeeTransfers, opd, type OPD_KINDS } from '../../../drizzle/schema/index.js';
import type { Db } from '../../db/open.js';
import { updateVersioned } from '../../db/versioned.js';
import { percent } from '../../../common/numbers.js';
import { notFound, now, rankByPercent } from './common.js';

export type OpdKind = (typeof OPD_KINDS)[number];

export interface OpdRow {
  kode: string;
  nama: string;
  jenis: OpdKind;
  kepala: string | null;
  version: number;
  pegawai: number;
  signed: number;
  signedPct: number;
  stage: string | null;
  rank: number;
}

/**
 * Every OPD with its current employees, how many of them hold an active pact in that OPD, the
 * percentage and its current stage, ranked by percentage (then name).
 */
export function listOpd(db: Db): OpdRow[] {
  const rows = db.$client
    .prepare(
      `SELECT o.kode, o.nama, o.jenis, o.kepala, o.version,
              count(e.id) AS pegawai,
              count(p.id) AS signed,
              (SELECT s.stage FROM zi_stages s WHERE s.opd_kode = o.kode ORDER BY s.id DESC LIMIT 1) AS stage
         FROM opd o
         LEFT JOIN employees e ON e.opd_kode = o.kode AND e.left_at IS NULL
         LEFT JOIN pacts p ON p.employee_id = e.id AND p.opd_kode = o.kode AND p.status = 'active'
        GROUP BY o.kode`,
    )
    .all() as Omit<OpdRow, 'signedPct' | 'rank'>[];
  return rankByPercent(
    rows.map((r) => ({ ...r, signedPct: percent(r.signed, r.pegawai), rank: 0 })),
    (r) => r.signedPct,
  );
}

export function getOpd(db: Db, kode: string) {
  return db.select().from(opd).where(eq(opd.kode, kode)).get() ?? notFound('integrity.notFound.opd', { opd: kode });
}

export function updateOpd(
  db: Db,
  input: { kode: string; nama: string; jenis: OpdKind; kepala: string | null; version: number },
) {
  const current = getOpd(db, input.kode);
  updateVersioned(
    db,
    opd,
    eq(opd.kode, input.kode),
    input.version,
    { nama: input.nama, jenis: input.jenis, kepala: input.kepala, updatedAt: now() },
    `OPD ${input.kode}`,
  );
  return { before: current, after: getOpd(db, input.kode) };
}

export interface EmployeeRow {
  id: number;
  nipMasked: string;
  nama: string;
  jabatan: string;
  status: string;
  opdKode: string;
  opdSince: string;
  pactId: number | null;
  signedAt: string | null;
  eventId: number | null;
  spOnlineAt: string | null;
}

/** The current employees of one OPD (or all), NIP masked, with their pact in that OPD and SP Online mark. */
export function listEmployees(db: Db, opdKode?: string): EmployeeRow[] {
  const rows = db.$client
    .prepare(
      `SELECT e.id, e.nip, e.nama, e.jabatan, e.status, e.opd_kode AS opdKode, e.opd_since AS opdSince,
              p.id AS pactId, p.signed_at AS signedAt, p.event_id AS eventId, a.completed_at AS spOnlineAt
         FROM employees e
         LEFT JOIN pacts p ON p.employee_id = e.id AND p.opd_kode = e.opd_kode AND p.status = 'active'
         LEFT JOIN asn_sp_online a ON a.employee_id = e.id
        WHERE e.left_at IS NULL AND (@opd IS NULL OR e.opd_kode = @opd)
        ORDER BY e.opd_kode, e.nama, e.id`,
    )
    .all({ opd: opdKode ?? null }) as (Omit<EmployeeRow, 'nipMasked'> & { nip: string | null })[];
  return rows.map(({ nip, ...rest }) => ({ ...rest, nipMasked: maskNip(nip) }));
}

/** The employee's own record: the only place the full NIP is shown, with their transfers. */
export function getEmployee(db: Db, id: number) {
  const row =
    db.select().from(employees).where(eq(employees.id, id)).get() ?? notFound('integrity.notFound.employee', { id });
  const transfers = db.select().from(employeeTransfers).where(eq(employeeTransfers.employeeId, id)).all();
  return { ...row, transfers };
}
