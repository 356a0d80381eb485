/** Load arithmetic shared by the auto-balance proposal (backend) and its editable preview (UI). */

/** Every PPL should be within ±15% of the mean load of their kecamatan. */
export const BALANCE_TOLERANCE = 0.15;

export interface LoadItem {
  officerCode: string | null;
  estimatedHouseholds: number;
}

export interface OfficerLoad {
  kode: string;
  sls: number;
  kk: number;
  /** (kk − mean) / mean; 0 when the mean is 0. */
  deviation: number;
}

export interface LoadSummary {
  totalKk: number;
  meanKk: number;
  /** Largest |deviation| over the officers. */
  maxDeviation: number;
  withinTolerance: boolean;
  loads: OfficerLoad[];
  /** Items given to nobody. */
  unassigned: number;
}

/** Per-officer loads of a set of SLS spread over `officers`, and how far each is from the mean. */
export function summariseLoads(items: readonly LoadItem[], officers: readonly string[]): LoadSummary {
  const byOfficer = new Map(officers.map((kode) => [kode, { kode, sls: 0, kk: 0, deviation: 0 }]));
  let totalKk = 0;
  let unassigned = 0;
  for (const item of items) {
    totalKk += item.estimatedHouseholds;
    const load = item.officerCode ? byOfficer.get(item.officerCode) : undefined;
    if (!load) {
      unassigned++;
      continue;
    }
    load.sls++;
    load.kk += item.estimatedHouseholds;
  }
  const meanKk = officers.length ? totalKk / officers.length : 0;
  let maxDeviation = 0;
  for (const load of byOfficer.values()) {
    load.deviation = meanKk ? (load.kk - meanKk) / meanKk : 0;
    maxDeviation = Math.max(maxDeviation, Math.abs(load.deviation));
  }
  return {
    totalKk,
    meanKk,
    maxDeviation,
    withinTolerance: maxDeviation <= BALANCE_TOLERANCE + 1e-9 && unassigned === 0,
    loads: [...byOfficer.values()],
    unassigned,
  };
}

/** The officers whose load lies outside ±`tolerance` of the mean, worst first. */
export function outOfBounds(summary: LoadSummary, tolerance = BALANCE_TOLERANCE): OfficerLoad[] {
  return summary.loads
    .filter((l) => Math.abs(l.deviation) > tolerance + 1e-9)
    .sort((a, b) => Math.abs(b.deviation) - Math.abs(a.deviation));
}
