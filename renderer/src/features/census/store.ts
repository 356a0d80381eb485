import { create } from 'zustand';
import type { OpOutput } from '../../../../electron/api/types';
import { api } from '../../api/client';

export type OfficerRow = OpOutput<'census.officers.list'>[number];
export type SlsRow = OpOutput<'census.sls.list'>[number];
export type KecamatanRow = OpOutput<'wilayah.kecamatan'>[number];

interface CensusState {
  officers: OfficerRow[];
  kecamatan: KecamatanRow[];
  targetLoadKk: number;
  error: string | null;
  /** Reloads officers (with their loads) — after every assignment change, so loads update at once. */
  loadOfficers(): Promise<void>;
  loadReference(): Promise<void>;
}

/** What every tab of the coordinators' desk shares: the officer registry with loads, the kecamatan, the target load. */
export const useCensus = create<CensusState>((set) => ({
  officers: [],
  kecamatan: [],
  targetLoadKk: 300,
  error: null,
  async loadOfficers() {
    try {
      set({ officers: await api('census.officers.list', {}), error: null });
    } catch (e) {
      set({ error: (e as Error).message });
    }
  },
  async loadReference() {
    try {
      const [kecamatan, settings] = await Promise.all([api('wilayah.kecamatan', {}), api('settings.list', {})]);
      const target = settings.find((s) => s.key === 'census.targetLoadKk')?.value;
      set({ kecamatan, targetLoadKk: typeof target === 'number' ? target : 300 });
    } catch (e) {
      set({ error: (e as Error).message });
    }
  },
}));

export function officerLabel(o: Pick<OfficerRow, 'kode' | 'nama'> | undefined | null): string {
  return o ? `${o.kode} · ${o.nama}` : '';
}
