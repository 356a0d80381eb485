import { create } from 'zustand';
import type { OpOutput } from '../../../../electron/api/types';
import { api } from '../../api/client';

export type OfficerRow = OpOutput<'census.officers.page'>['rows'][number];
export type SlsRow = OpOutput<'census.sls.list'>[number];
export type KecamatanRow = OpOutput<'wilayah.kecamatan'>[number];

interface CensusState {
  kecamatan: KecamatanRow[];
  targetLoadKk: number;
  error: string | null;
  loadReference(): Promise<void>;
}

/**
 * What every tab of the coordinators' desk shares: the kecamatan and the target load. Officers are
 * not kept here: each widget reads the few it shows from the server (`census.officers.page`, `.load`).
 */
export const useCensus = create<CensusState>((set) => ({
  kecamatan: [],
  targetLoadKk: 300,
  error: null,
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
