// Visit days and times in the office's own zone (issue 10): a package whose visits straddle
// midnight, written with WIB, WITA and WIT offsets and with Z, is counted and shown on the same
// local day everywhere — summary, daily trend, last visit, households grid — in a WIB, a WITA and
// a WIT regency alike. Expected days come from Intl (the IANA zone), not from the app's helpers.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDateTimeIn } from '../../common/format.js';
import { ZONES, type ZoneName } from '../../common/time-zone.js';
import { testBackend } from '../support/backend.js';
import { tempDir } from '../support/office-process.js';
import { writePackage, type Household } from '../support/sync-packages.js';

const VISITS = [
  '2020-09-14T23:30:00+07:00',
  '2020-09-15T00:10:00+08:00',
  '2020-09-15T00:20:00+09:00',
  '2020-09-14T17:30:00Z',
  '2020-09-14T16:50:00Z',
  '2020-09-14T12:00:00+07:00',
];

/** The calendar day and wall clock of an instant in an IANA zone, by Intl. */
function wall(instant: string, iana: string) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: iana,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(new Date(instant))
      .map((p) => [p.type, p.value]),
  );
  return {
    day: `${parts.year}-${parts.month}-${parts.day}`,
    shown: `${parts.day}/${parts.month}/${parts.year} ${parts.hour}.${parts.minute}`,
  };
}

describe.each([
  ['33.16', 'WIB'],
  ['51.71', 'WITA'],
  ['91.71', 'WIT'],
] as const)('visits around midnight in regency %s (%s)', (kabupaten, zoneName: ZoneName) => {
  it('are counted and shown on the office day everywhere', async () => {
    const backend = testBackend();
    await backend.call('wilayah.office.setup', { kabupaten });
    const village = backend.database.sqlite
      .prepare('SELECT kode FROM desa ORDER BY kode LIMIT 1')
      .pluck()
      .get() as string;
    const slsId = `${village.replace(/\./g, '')}000100`;
    backend.database.sqlite
      .prepare("INSERT INTO sls (sls_id, desa_kode, nama, perkiraan_kk, updated_at) VALUES (?, ?, 'RT 001', 10, '')")
      .run(slsId, village);
    const lines: Household[] = VISITS.map((visitedAt, i) => ({
      household_id: `${slsId}-${String(i + 1).padStart(4, '0')}`,
      sls_id: slsId,
      status: 'complete',
      members: 2,
      male: 1,
      female: 1,
      visited_at: visitedAt,
      revision: 1,
    }));
    const file = path.join(tempDir(), 'midnight.spsync');
    await writePackage(file, { officer: 'PPL-1', lines, manifest: { kabupaten } });
    expect((await backend.call('sync.import', { file: { path: file } })).status).toBe('imported');

    const iana = ZONES[zoneName].iana;
    const perDay = new Map<string, number>();
    for (const visit of VISITS) perDay.set(wall(visit, iana).day, (perDay.get(wall(visit, iana).day) ?? 0) + 1);
    const days = [...perDay.keys()].sort();
    expect(days.length).toBeGreaterThan(1);

    // The summary the dashboard reads, and the daily trend.
    const summary = backend.database.sqlite.prepare('SELECT day, households FROM progress_sls_day ORDER BY day').all();
    expect(summary).toEqual(days.map((day) => ({ day, households: perDay.get(day) })));
    const dashboard = await backend.call('progress.dashboard', { asOf: '2020-09-20' });
    expect(dashboard.field.trend.days).toEqual(days);
    expect(dashboard.field.trend.kecamatan[0].daily).toEqual(days.map((d) => perDay.get(d)));
    // Last visit of the SLS (and of its village and kecamatan).
    const slsRow = (await backend.call('progress.table', { level: 'sls', parent: village })).rows[0];
    expect(slsRow.lastDay).toBe(days.at(-1));
    // The households grid: each visit at its office wall clock, with the zone named.
    await expect(backend.call('wilayah.office.get', {})).resolves.toMatchObject({ zone: zoneName });
    const grid = await backend.call('sync.households', { slsId });
    for (const row of grid)
      expect(formatDateTimeIn(row.visitedAt, ZONES[zoneName])).toBe(`${wall(row.visitedAt, iana).shown} ${zoneName}`);
    backend.close();
  });
});
