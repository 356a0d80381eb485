import type { ComponentType } from 'react';
import { WilayahScreen } from '../features/wilayah/WilayahScreen';
import { SyncScreen } from '../features/sync/SyncScreen';
import type { AreaId } from '../store/route';

/** The app's areas in sidebar order; an area without a screen yet shows "coming". */
export const AREA_SCREENS: Record<AreaId, ComponentType | null> = {
  wilayah: WilayahScreen,
  petugas: null,
  sinkronisasi: SyncScreen,
  progres: null,
  sponline: null,
  zi: null,
  pengaturan: null,
};
