import type { ComponentType } from 'react';
import { PetugasScreen } from '../features/census/PetugasScreen';
import { WilayahScreen } from '../features/wilayah/WilayahScreen';
import { ProgresScreen } from '../features/progress/ProgresScreen';
import { SpOnlineScreen } from '../features/sponline/SpOnlineScreen';
import { ZiScreen } from '../features/integrity/ZiScreen';
import { PengaturanScreen } from '../features/pengaturan/PengaturanScreen';
import { SyncScreen } from '../features/sync/SyncScreen';
import type { AreaId } from '../store/route';

/** The app's areas in sidebar order; an area without a screen yet shows "coming". */
export const AREA_SCREENS: Record<AreaId, ComponentType> = {
  wilayah: WilayahScreen,
  petugas: PetugasScreen,
  sinkronisasi: SyncScreen,
  progres: ProgresScreen,
  sponline: SpOnlineScreen,
  zi: ZiScreen,
  pengaturan: PengaturanScreen,
};
