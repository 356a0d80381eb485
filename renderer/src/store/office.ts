import { create } from 'zustand';
import type { OpOutput } from '../../../electron/api/types';
import { api } from '../api/client';
import { ZONES, type OfficeZone } from '../../../common/time-zone';

export type OfficeSummary = NonNullable<OpOutput<'wilayah.office.get'>>;

interface OfficeState {
  /** undefined while loading, null when the office has no regency yet. */
  office: OfficeSummary | null | undefined;
  error: string | null;
  load(): Promise<void>;
  setOffice(office: OfficeSummary): void;
}

export const useOffice = create<OfficeState>((set) => ({
  office: undefined,
  error: null,
  async load() {
    try {
      set({ office: await api('wilayah.office.get', {}), error: null });
    } catch (error) {
      set({ error: (error as Error).message });
    }
  },
  setOffice: (office) => set({ office }),
}));

/** The office's time zone (visit days and times are shown in it); WIB until the office is known. */
export function useOfficeZone(): OfficeZone {
  return ZONES[useOffice((s) => s.office?.zone ?? 'WIB')];
}
