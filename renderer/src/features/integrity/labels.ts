import type { MessageKey } from '../../i18n';

/** The two parts of the LKE worksheet. */
export const LKE_PART_LABELS = {
  pengungkit: 'zi.lke.pengungkit',
  hasil: 'zi.lke.hasil',
} satisfies Record<string, MessageKey>;

/** A unit's stage towards WBK/WBBM (`none` before the first). */
export const STAGE_LABELS = {
  none: 'zi.stage.none',
  pencanangan: 'zi.stage.pencanangan',
  pembangunan: 'zi.stage.pembangunan',
  evaluasi_tpn: 'zi.stage.evaluasi_tpn',
  penilaian_internal: 'zi.stage.penilaian_internal',
  perbaikan: 'zi.stage.perbaikan',
  pengusulan: 'zi.stage.pengusulan',
  ditetapkan: 'zi.stage.ditetapkan',
} satisfies Record<string, MessageKey>;
