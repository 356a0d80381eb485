import type { ComponentType } from 'react';
import { CensusScreen } from '../features/census/CensusScreen';
import { WilayahScreen } from '../features/wilayah/WilayahScreen';
import { ProgressScreen } from '../features/progress/ProgressScreen';
import { ParticipationScreen } from '../features/participation/ParticipationScreen';
import { IntegrityScreen } from '../features/integrity/IntegrityScreen';
import { SettingsScreen } from '../features/settings/SettingsScreen';
import { SyncScreen } from '../features/sync/SyncScreen';
import type { AreaId } from '../store/route';

/** The app's areas in sidebar order; an area without a screen yet shows "coming". */
export const AREA_SCREENS: Record<AreaId, ComponentType> = {
  wilayah: WilayahScreen,
  petugas: CensusScreen,
  sinkronisasi: SyncScreen,
  progres: ProgressScreen,
  sponline: ParticipationScreen,
  zi: IntegrityScreen,
  pengaturan: SettingsScreen,
};
