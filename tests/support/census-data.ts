import type Database from 'better-sqlite3';
import type { HOUSEHOLD_STATUSES } from '../../drizzle/schema/census.js';
import { summaryFromScratchSql } from '../../electron/features/progress/summary.js';
import { zoneOfArea } from '../../common/time-zone.js';

/**
 * Generates a realistic census field phase for the office's regency (run `wilayah.office.setup` first):
 * SLS spread over every village, a Koseka per kecamatan, PML over ~5 PPL, PPL over ~6 SLS, one
 * active assignment per SLS, and households with statuses and visit dates across the field phase,
 * each from a PPL's daily package recorded as an accepted import (with the SLS's last sync, as the
 * sync importer keeps it). Deterministic for a given seed. Written with prepared statements in one transaction.
 */
export interface CensusDataOptions {
  slsCount: number;
  households: number;
  fieldStart: string;
  /** Visits are spread over this many days from fieldStart. */
  fieldDays: number;
  seed?: number;
  /** When set, only about this share (0–1) of each SLS's households is visited yet, varying per kecamatan; otherwise exactly `households` are. */
  visitedShare?: number;
}

export interface CensusDataSummary {
  sls: number;
  officers: { ppl: number; pml: number; koseka: number };
  households: number;
  byStatus: Record<string, number>;
}

function random(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4294967296;
  };
}

function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** Status weights: mostly complete, some online-verified, a few of each problem. */
const STATUS_WEIGHTS: [(typeof HOUSEHOLD_STATUSES)[number], number][] = [
  ['complete', 0.72],
  ['online_verified', 0.14],
  ['partial', 0.05],
  ['refused', 0.03],
  ['not_found', 0.03],
  ['moved', 0.03],
];

function pickStatus(r: number): string {
  let sum = 0;
  for (const [status, weight] of STATUS_WEIGHTS) {
    sum += weight;
    if (r < sum) return status;
  }
  return 'complete';
}

export function generateCensusData(sqlite: Database.Database, options: CensusDataOptions): CensusDataSummary {
  const rand = random(options.seed ?? 42);
  const villages = sqlite.prepare('SELECT kode, kecamatan_kode AS kecamatan FROM desa ORDER BY kode').all() as {
    kode: string;
    kecamatan: string;
  }[];
  if (!villages.length) throw new Error('generateCensusData: set up the office first (no villages)');
  const now = new Date().toISOString();
  const insertSls = sqlite.prepare(
    'INSERT INTO sls (sls_id, desa_kode, nama, perkiraan_kk, updated_at) VALUES (?, ?, ?, ?, ?)',
  );
  const insertOfficer = sqlite.prepare(
    'INSERT INTO officers (kode, nama, peran, kecamatan_kode, atasan_kode, telepon, aktif, mulai, updated_at) VALUES (?, ?, ?, ?, ?, NULL, 1, ?, ?)',
  );
  const insertAssignment = sqlite.prepare(
    'INSERT INTO assignments (sls_id, officer_kode, start_date, end_date, reason, created_at) VALUES (?, ?, ?, NULL, ?, ?)',
  );
  const insertImport = sqlite.prepare(
    `INSERT INTO sync_imports (file_name, package_id, officer_code, device_id, created_at, imported_at, actor, status, records)
     VALUES (?, ?, ?, ?, ?, ?, 'generated', 'imported', 0)`,
  );
  const insertLastSync = sqlite.prepare('INSERT INTO sls_last_sync (sls_id, import_id, imported_at) VALUES (?, ?, ?)');
  const insertHousehold = sqlite.prepare(
    `INSERT INTO households (household_id, sls_id, status, members, male, female, visited_at, revision, officer_code, package_id, flagged)
     VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?, 0)`,
  );

  const perSls = options.households / options.slsCount;
  const summary: CensusDataSummary = { sls: 0, officers: { ppl: 0, pml: 0, koseka: 0 }, households: 0, byStatus: {} };
  sqlite.transaction(() => {
    // SLS per village, as evenly as the count allows.
    const slsByKecamatan = new Map<string, { slsId: string; estimate: number }[]>();
    villages.forEach((village, v) => {
      const count =
        Math.floor(((v + 1) * options.slsCount) / villages.length) -
        Math.floor((v * options.slsCount) / villages.length);
      for (let i = 1; i <= count; i++) {
        const slsId = `${village.kode.replace(/\./g, '')}${String(i).padStart(4, '0')}00`;
        const estimate = Math.max(1, Math.round(perSls * (0.85 + rand() * 0.3)));
        insertSls.run(
          slsId,
          village.kode,
          `RT ${String(i).padStart(3, '0')} RW ${String(Math.ceil(i / 5)).padStart(3, '0')}`,
          estimate,
          now,
        );
        const list = slsByKecamatan.get(village.kecamatan) ?? [];
        list.push({ slsId, estimate });
        slsByKecamatan.set(village.kecamatan, list);
        summary.sls++;
      }
    });
    // Officers and assignments per kecamatan: Koseka ← PML (5 PPL) ← PPL (6 SLS).
    // Each PPL syncs one package a day, imported that evening; it is what the households came from.
    const packages = new Map<string, { id: number; importedAt: string }>();
    const packageOf = (ppl: string, day: string) => {
      const packageId = `pkg-${ppl}-${day}`;
      let found = packages.get(packageId);
      if (!found) {
        const importedAt = `${day}T12:00:00.000Z`;
        const id = Number(
          insertImport.run(`${packageId}.spsync`, packageId, ppl, `TAB-${ppl}`, `${day}T18:00:00+07:00`, importedAt)
            .lastInsertRowid,
        );
        packages.set(packageId, (found = { id, importedAt }));
      }
      return { packageId, ...found };
    };
    let householdsLeft = options.households;
    let slsLeft = options.slsCount;
    for (const [kecamatan, list] of slsByKecamatan) {
      const kec = kecamatan.replace(/\./g, '');
      const koseka = `KSK-${kec}`;
      insertOfficer.run(koseka, `Koseka ${kecamatan}`, 'KOSEKA', kecamatan, null, options.fieldStart, now);
      summary.officers.koseka++;
      const kecamatanPace = options.visitedShare === undefined ? 1 : options.visitedShare * (0.75 + rand() * 0.5);
      for (let i = 0; i < list.length; i++) {
        if (i % 30 === 0) {
          insertOfficer.run(
            `PML-${kec}-${String(i / 30 + 1).padStart(3, '0')}`,
            `PML ${kecamatan} ${i / 30 + 1}`,
            'PML',
            kecamatan,
            koseka,
            options.fieldStart,
            now,
          );
          summary.officers.pml++;
        }
        const pml = `PML-${kec}-${String(Math.floor(i / 30) + 1).padStart(3, '0')}`;
        const ppl = `PPL-${kec}-${String(Math.floor(i / 6) + 1).padStart(4, '0')}`;
        if (i % 6 === 0) {
          insertOfficer.run(
            ppl,
            `PPL ${kecamatan} ${Math.floor(i / 6) + 1}`,
            'PPL',
            kecamatan,
            pml,
            options.fieldStart,
            now,
          );
          summary.officers.ppl++;
        }
        const { slsId } = list[i];
        insertAssignment.run(slsId, ppl, options.fieldStart, 'generated', now);
        // Households: an exact total over all SLS, each SLS near its share.
        const share = Math.round(householdsLeft / slsLeft);
        const count = Math.min(9999, Math.max(0, Math.round(share * Math.min(1, kecamatanPace))));
        householdsLeft -= share;
        slsLeft--;
        const firstDay = Math.floor(rand() * Math.max(1, options.fieldDays - 3));
        let lastPackage: ReturnType<typeof packageOf> | null = null;
        for (let h = 1; h <= count; h++) {
          const status = pickStatus(rand());
          const members = 1 + Math.floor(rand() * 6);
          const male = Math.floor(members / 2);
          const day = addDays(
            options.fieldStart,
            Math.min(options.fieldDays - 1, firstDay + Math.floor((h / count) * 4)),
          );
          const visitedAt = `${day}T${String(8 + Math.floor(rand() * 9)).padStart(2, '0')}:${String(Math.floor(rand() * 60)).padStart(2, '0')}:00+07:00`;
          lastPackage = packageOf(ppl, day);
          insertHousehold.run(
            `${slsId}-${String(h).padStart(4, '0')}`,
            slsId,
            status,
            members,
            male,
            members - male,
            visitedAt,
            ppl,
            lastPackage.packageId,
          );
          summary.byStatus[status] = (summary.byStatus[status] ?? 0) + 1;
          summary.households++;
        }
        // Visit days only grow within an SLS, so its last household's package is its last sync.
        if (lastPackage) insertLastSync.run(slsId, lastPackage.id, lastPackage.importedAt);
      }
    }
    // Written straight into households, as no real writer does: the summary is rebuilt as a repair would.
    const kabupaten = JSON.parse(
      sqlite.prepare("SELECT value FROM settings WHERE key = 'office.kabupaten'").pluck().get() as string,
    ) as string;
    sqlite.exec(
      `DELETE FROM progress_sls_day; INSERT INTO progress_sls_day (sls_id, day, status, households, members) ${summaryFromScratchSql(zoneOfArea(kabupaten))}`,
    );
  })();
  return summary;
}
