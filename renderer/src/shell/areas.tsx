import type { ComponentType } from 'react';
import { PetugasScreen } from '../features/census/PetugasScreen';
import { WilayahScreen } from '../features/wilayah/WilayahScreen';
import type { AreaId } from '../store/route';

/** The app's areas in sidebar order; an area without a screen yet shows "coming". */
export const AREA_SCREENS: Record<AreaId, ComponentType | null> = {
  wilayah: WilayahScreen,
  petugas: PetugasScreen,
  sinkronisasi: null,
  progres: null,
  sponline: null,
  zi: null,
  pengaturan: null,
};
