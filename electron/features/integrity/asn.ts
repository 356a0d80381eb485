import type { Actor } from '../../api/define.js';
import { ApiError, problemIssue } from '../../api/errors.js';
import type { Db } from '../../db/open.js';
import { percent } from '../../../common/numbers.js';
import { rankByPercent, refuseFutureDate } from './common.js';
import { employeeIdsForNips } from './pacts.js';

/**
 * Marks ASN (PNS/PPPK) as having completed SP Online, from ticks or a pasted NIP list. Unknown NIPs
 * or NON-ASN staff refuse the whole batch; marking someone already marked changes nothing.
 */
export function markSpOnline(
  db: Db,
  input: { employeeIds?: number[]; nips?: string[]; date: string; done: boolean },
  actor: Actor,
) {
  refuseFutureDate(input.date, 'date');
  const ids = [...new Set([...(input.employeeIds ?? []), ...employeeIdsForNips(db, input.nips ?? [])])];
  if (!ids.length) throw ApiError.problem('REJECTED', 'integrity.asn.noneChosen');
  const lookup = db.$client.prepare('SELECT nama, status, left_at AS leftAt FROM employees WHERE id = ?');
  const issues = ids.flatMap((id, i) => {
    const e = lookup.get(id) as { nama: string; status: string; leftAt: string | null } | undefined;
    if (!e || e.leftAt) return [problemIssue(i + 1, 'employee', 'integrity.asn.notCurrent', { id })];
    if (e.status === 'NON-ASN') return [problemIssue(i + 1, 'employee', 'integrity.asn.nonAsn', { name: e.nama })];
    return [];
  });
  if (issues.length) throw ApiError.problem('REJECTED', 'integrity.asn.cannotMark', { count: issues.length }, issues);
  const mark = db.$client.prepare(
    'INSERT INTO asn_sp_online (employee_id, completed_at, marked_by) VALUES (?, ?, ?) ON CONFLICT(employee_id) DO NOTHING',
  );
  const unmark = db.$client.prepare('DELETE FROM asn_sp_online WHERE employee_id = ?');
  let changed = 0;
  for (const id of ids) changed += (input.done ? mark.run(id, input.date, actor.username) : unmark.run(id)).changes;
  return { changed, unchanged: ids.length - changed, done: input.done };
}

export interface AsnParticipationRow {
  kode: string;
  nama: string;
  asn: number;
  done: number;
  ratePct: number;
  rank: number;
}

/** ASN participation in SP Online per OPD against 100%, ranked (then the regency total). */
export function asnParticipation(db: Db) {
  const rows = db.$client
    .prepare(
      `SELECT o.kode, o.nama, count(e.id) AS asn, count(a.employee_id) AS done
         FROM opd o
         LEFT JOIN employees e ON e.opd_kode = o.kode AND e.left_at IS NULL AND e.status <> 'NON-ASN'
         LEFT JOIN asn_sp_online a ON a.employee_id = e.id
        GROUP BY o.kode`,
    )
    .all() as Omit<AsnParticipationRow, 'ratePct' | 'rank'>[];
  const ranked = rankByPercent(
    rows.map((r) => ({ ...r, ratePct: percent(r.done, r.asn), rank: 0 })),
    (r) => r.ratePct,
  );
  const asn = rows.reduce((s, r) => s + r.asn, 0);
  const done = rows.reduce((s, r) => s + r.done, 0);
  return { rows: ranked, total: { asn, done, ratePct: percent(done, asn) } };
}
