// npm run bench -- assign: auto-balance every kecamatan of a generated 5,000-SLS regency with 600 PPL,
// and of an 11,000-SLS regency (Kabupaten Magelang's size) with 1,320 PPL.
// Baseline measured in the same run: greedy "largest SLS to the least-loaded PPL", which ignores villages.
import fs from 'node:fs';
import path from 'node:path';
import { summariseLoads } from '../../common/officer-loads.js';
import { bloraBackend } from '../support/backend.js';

const SIZES = [
  { sls: 5_000, ppl: 600 },
  { sls: 11_000, ppl: 1_320 },
];

let seed = 20200915;
const random = () => {
  seed = (seed * 1103515245 + 12345) % 2 ** 31;
  return seed / 2 ** 31;
};

/** Villages each PPL works in, on average. */
function villagesPerPpl(items: { officerCode: string; desaKode: string }[]): number {
  const pairs = new Set(items.map((i) => `${i.officerCode}|${i.desaKode}`));
  return pairs.size / new Set(items.map((i) => i.officerCode)).size;
}

function greedyBaseline(items: { slsId: string; desaKode: string; estimatedHouseholds: number }[], ppl: string[]) {
  const loads = new Map(ppl.map((p) => [p, 0]));
  return [...items]
    .sort((a, b) => b.estimatedHouseholds - a.estimatedHouseholds)
    .map((item) => {
      const [lightest] = [...loads.entries()].reduce((min, e) => (e[1] < min[1] ? e : min));
      loads.set(lightest, loads.get(lightest)! + item.estimatedHouseholds);
      return { ...item, officerCode: lightest };
    });
}

for (const { sls: SLS_TOTAL, ppl: PPL_TOTAL } of SIZES) {
  const backend = await bloraBackend();
  const villages = await backend.call('wilayah.desa', {});
  const kecamatan = await backend.call('wilayah.kecamatan', {});

  // SLS: spread over the 295 villages of Blora, 10–60 families each.
  const slsLines = ['sls_id,kode_desa,nama_sls,perkiraan_kk'];
  const slsPerVillage = new Map<string, number>();
  const kkByKecamatan = new Map<string, number>();
  for (let i = 0; i < SLS_TOTAL; i++) {
    const village = villages[Math.floor((i * villages.length) / SLS_TOTAL)];
    const serial = (slsPerVillage.get(village.kode) ?? 0) + 1;
    slsPerVillage.set(village.kode, serial);
    const kk = 10 + Math.floor(random() * 51);
    slsLines.push(
      `${village.kode.replace(/\./g, '')}${String(serial).padStart(4, '0')}00,${village.kode},RT ${String(serial).padStart(3, '0')},${kk}`,
    );
    kkByKecamatan.set(village.kecamatanKode, (kkByKecamatan.get(village.kecamatanKode) ?? 0) + kk);
  }
  // Officers: PPL per kecamatan in proportion to its families (600 in all), one PML per 5 PPL, one Koseka per kecamatan.
  const totalKk = [...kkByKecamatan.values()].reduce((a, b) => a + b, 0);
  const officerLines = ['kode,nama,peran,kode_kecamatan,atasan,telepon'];
  let pplMade = 0;
  kecamatan.forEach((k, index) => {
    const last = index === kecamatan.length - 1;
    const count = last ? PPL_TOTAL - pplMade : Math.round((PPL_TOTAL * (kkByKecamatan.get(k.kode) ?? 0)) / totalKk);
    const koseka = `KSK-${k.kode.replace(/\./g, '')}`;
    officerLines.push(`${koseka},Koseka ${k.nama},KOSEKA,${k.kode},,`);
    for (let p = 0; p < count; p++) {
      const pml = `PML-${k.kode.replace(/\./g, '')}-${String(Math.floor(p / 5) + 1).padStart(2, '0')}`;
      if (p % 5 === 0) officerLines.push(`${pml},Pml ${k.nama} ${Math.floor(p / 5) + 1},PML,${k.kode},${koseka},`);
      officerLines.push(`PPL-${String(++pplMade).padStart(4, '0')},Ppl ${pplMade},PPL,${k.kode},${pml},`);
    }
  });
  fs.writeFileSync(path.join(backend.dir, 'sls.csv'), slsLines.join('\n'));
  fs.writeFileSync(path.join(backend.dir, 'petugas.csv'), officerLines.join('\n'));
  await backend.call('census.sls.import', { file: { path: path.join(backend.dir, 'sls.csv') } });
  await backend.call('census.officers.import', { file: { path: path.join(backend.dir, 'petugas.csv') } });

  const sls = await backend.call('census.sls.list', {});
  const officers = (await backend.call('census.officers.list', {})).filter((o) => o.peran === 'PPL');
  console.log(
    `\nRegency: ${sls.length} SLS in ${villages.length} villages and ${kecamatan.length} kecamatan, ${officers.length} PPL, ${totalKk} families`,
  );

  let ourMs = 0;
  let baseMs = 0;
  let worst = { deviation: 0, kecamatan: '' };
  let baseWorst = 0;
  let ourVillages = 0;
  let baseVillages = 0;
  let within = 0;
  for (const k of kecamatan) {
    const started = performance.now();
    const proposal = await backend.call('census.assignments.propose', { kecamatan: k.kode });
    await backend.call('census.assignments.applyBalance', {
      kecamatan: k.kode,
      items: proposal.items.map(({ slsId, officerCode }) => ({ slsId, officerCode })),
      // The bench applies whatever the balance found and counts below how many kecamatan were within bounds.
      confirmOutOfBounds: true,
    });
    ourMs += performance.now() - started;
    if (proposal.maxDeviation > worst.deviation)
      worst = { deviation: proposal.maxDeviation, kecamatan: `${k.nama} (${k.kode})` };
    if (proposal.withinTolerance) within++;
    ourVillages += villagesPerPpl(proposal.items) / kecamatan.length;

    const ppl = officers.filter((o) => o.kecamatanKode === k.kode).map((o) => o.kode);
    const baseStarted = performance.now();
    const baseline = greedyBaseline(proposal.items, ppl);
    baseMs += performance.now() - baseStarted;
    baseWorst = Math.max(baseWorst, summariseLoads(baseline, ppl).maxDeviation);
    baseVillages += villagesPerPpl(baseline) / kecamatan.length;
  }
  const assigned = (
    backend.database.sqlite.prepare('SELECT count(*) AS n FROM assignments WHERE end_date IS NULL').get() as {
      n: number;
    }
  ).n;
  backend.close();

  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  console.log(
    `Auto-balance (propose + accept, through the API) of all ${kecamatan.length} kecamatan: ${ourMs.toFixed(0)} ms (${(ourMs / kecamatan.length).toFixed(0)} ms per kecamatan); ${assigned} SLS assigned`,
  );
  console.log(
    `Worst deviation from the mean: ${pct(worst.deviation)} in ${worst.kecamatan}; ${within}/${kecamatan.length} kecamatan within ±15%`,
  );
  console.log(`Villages per PPL: ${ourVillages.toFixed(2)}`);
  console.log(
    `Baseline (greedy largest-first, villages ignored, in memory only): ${baseMs.toFixed(0)} ms, worst deviation ${pct(baseWorst)}, villages per PPL ${baseVillages.toFixed(2)}`,
  );
  console.log(
    `Ratios ours/baseline: time ×${(ourMs / baseMs).toFixed(1)}, villages per PPL ×${(ourVillages / baseVillages).toFixed(2)}`,
  );
}
