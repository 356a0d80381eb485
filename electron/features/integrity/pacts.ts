import { eq } from 'drizzle-orm';
import { maskNip } from '../../../common/nip.js';
import { pacts } from '../../../drizzle/schema/index.js';
import type { Actor } from '../../api/define.js';
import { ApiError, problemIssue, type ApiErrorIssue } from '../../api/errors.js';
import type { Db } from '../../db/open.js';
import { notFound, now, refuseFutureDate } from './common.js';
import { declarationOf } from './declarations.js';
import { recordFile, type StagedFile } from './files.js';
import { getOpd } from './registers.js';

export interface SignInput {
  opd: string;
  /** From the grid's ticks. */
  employeeIds?: number[];
  /** From the command line or a pasted list. */
  nips?: string[];
  signedAt: string;
  eventId?: number | null;
}

/** Turns NIPs into employee ids; every unknown one is named (masked) and nothing changes. */
export function employeeIdsForNips(db: Db, nips: string[]): number[] {
  const find = db.$client.prepare('SELECT id FROM employees WHERE nip = ? AND left_at IS NULL');
  const issues: ApiErrorIssue[] = [];
  const ids = nips.map((nip, i) => {
    const row = find.get(nip) as { id: number } | undefined;
    if (!row) issues.push(problemIssue(i + 1, 'nip', 'integrity.nip.notEmployed', { value: maskNip(nip) }));
    return row?.id ?? 0;
  });
  if (issues.length)
    throw ApiError.problem(
      'REJECTED',
      'integrity.nip.notFoundBatch',
      { count: issues.length, first: maskNip(nips[(issues[0].line ?? 1) - 1]) },
      issues,
    );
  return ids;
}

/**
 * Records signed pacts for many employees of one OPD in one step. Employees who already hold an
 * active pact there are skipped and counted; anyone not (or no longer) in the OPD refuses the whole batch.
 */
export function signPacts(db: Db, input: SignInput, scan: StagedFile | null, actor: Actor) {
  const unit = getOpd(db, input.opd);
  refuseFutureDate(input.signedAt, 'signedAt');
  if (input.eventId != null) {
    const event = declarationOf(db, input.eventId);
    if (!event.opd.includes(unit.kode))
      throw ApiError.problem('REJECTED', 'integrity.pact.notInDeclaration', { opd: unit.kode, event: event.id });
    if (input.signedAt < event.date)
      throw ApiError.problem('REJECTED', 'integrity.pact.beforeDeclaration', {
        signedAt: input.signedAt,
        event: event.id,
        date: event.date,
      });
  }
  const ids = [...new Set([...(input.employeeIds ?? []), ...employeeIdsForNips(db, input.nips ?? [])])];
  if (!ids.length) throw ApiError.problem('REJECTED', 'integrity.asn.noneChosen');
  const lookup = db.$client.prepare(
    'SELECT id, nip, nama, opd_kode AS opdKode, left_at AS leftAt FROM employees WHERE id = ?',
  );
  const activePact = db.$client.prepare(
    "SELECT id FROM pacts WHERE employee_id = ? AND opd_kode = ? AND status = 'active'",
  );
  const issues: ApiErrorIssue[] = [];
  const toSign: number[] = [];
  let already = 0;
  ids.forEach((id, i) => {
    const e = lookup.get(id) as
      | { id: number; nip: string | null; nama: string; opdKode: string; leftAt: string | null }
      | undefined;
    const who = e ? `${e.nama}${e.nip ? ` (${maskNip(e.nip)})` : ''}` : `employee ${id}`;
    if (!e || e.leftAt || e.opdKode !== unit.kode)
      issues.push(problemIssue(i + 1, 'employee', 'integrity.pact.notEmployeeOf', { who, opd: unit.kode }));
    else if (activePact.get(id, unit.kode)) already++;
    else toSign.push(id);
  });
  if (issues.length)
    throw ApiError.problem('REJECTED', 'integrity.pact.cannotSign', { count: issues.length, opd: unit.kode }, issues);
  const scanId = scan ? recordFile(db, scan) : null;
  const insert = db.$client.prepare(
    "INSERT INTO pacts (employee_id, opd_kode, signed_at, event_id, scan_id, status, created_at, created_by) VALUES (?, ?, ?, ?, ?, 'active', ?, ?)",
  );
  const at = now();
  for (const id of toSign) insert.run(id, unit.kode, input.signedAt, input.eventId ?? null, scanId, at, actor.username);
  return { opd: unit.kode, signed: toSign.length, alreadySigned: already };
}

function activePactById(db: Db, pactId: number) {
  const pact =
    db.select().from(pacts).where(eq(pacts.id, pactId)).get() ?? notFound('integrity.notFound.pact', { id: pactId });
  if (pact.status !== 'active')
    throw ApiError.problem('CONFLICT', 'integrity.pact.notActive', { id: pactId, status: pact.status });
  return pact;
}

/** Withdraws a pact (e.g. recorded for the wrong person); kept with its reason, never deleted. */
export function revokePact(db: Db, pactId: number, reason: string) {
  const pact = activePactById(db, pactId);
  db.update(pacts).set({ status: 'revoked', endReason: reason }).where(eq(pacts.id, pactId)).run();
  return { id: pactId, opd: pact.opdKode };
}

/** Corrects the date or event of a pact: the old row is kept as "corrected" and points at its replacement. */
export function correctPact(
  db: Db,
  input: { pactId: number; signedAt: string; eventId: number | null; reason: string },
  actor: Actor,
) {
  const pact = activePactById(db, input.pactId);
  refuseFutureDate(input.signedAt, 'signedAt');
  if (input.eventId != null && !declarationOf(db, input.eventId).opd.includes(pact.opdKode)) {
    throw ApiError.problem('REJECTED', 'integrity.pact.notInDeclaration', { opd: pact.opdKode, event: input.eventId });
  }
  db.update(pacts).set({ status: 'corrected', endReason: input.reason }).where(eq(pacts.id, pact.id)).run();
  const { id } = db
    .insert(pacts)
    .values({
      employeeId: pact.employeeId,
      opdKode: pact.opdKode,
      signedAt: input.signedAt,
      eventId: input.eventId,
      scanId: pact.scanId,
      status: 'active',
      createdAt: now(),
      createdBy: actor.username,
    })
    .returning({ id: pacts.id })
    .get();
  db.update(pacts).set({ replacedBy: id }).where(eq(pacts.id, pact.id)).run();
  return { id, replaced: pact.id, opd: pact.opdKode };
}

/** Attaches a scan of the signed page to pacts that have none yet, or replaces it. */
export function attachPactScan(db: Db, pactIds: number[], scan: StagedFile) {
  const scanId = recordFile(db, scan);
  for (const id of pactIds) {
    activePactById(db, id);
    db.update(pacts).set({ scanId }).where(eq(pacts.id, id)).run();
  }
  return { pacts: pactIds.length, scanId };
}

/** All pacts of one employee, including revoked and corrected ones, for the history view. */
export function pactHistory(db: Db, employeeId: number) {
  return db.select().from(pacts).where(eq(pacts.employeeId, employeeId)).all();
}
