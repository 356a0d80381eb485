import type { OpdKind } from '../../../../common/opd-kinds';
import type { MessageKey } from '../../i18n';

/** The two parts of the LKE worksheet. */
export const LKE_PART_LABELS = {
  pengungkit: 'integrity.lke.pengungkit',
  hasil: 'integrity.lke.hasil',
} satisfies Record<string, MessageKey>;

/** A unit's stage towards WBK/WBBM (`none` before the first). */
export const STAGE_LABELS = {
  none: 'integrity.stage.none',
  pencanangan: 'integrity.stage.pencanangan',
  pembangunan: 'integrity.stage.pembangunan',
  evaluasi_tpn: 'integrity.stage.evaluasi_tpn',
  penilaian_internal: 'integrity.stage.penilaian_internal',
  perbaikan: 'integrity.stage.perbaikan',
  pengusulan: 'integrity.stage.pengusulan',
  ditetapkan: 'integrity.stage.ditetapkan',
} satisfies Record<string, MessageKey>;

/** The kinds of work unit (`instansi_vertikal` …), said in words. */
export const KIND_LABELS = {
  sekretariat: 'integrity.kind.sekretariat',
  inspektorat: 'integrity.kind.inspektorat',
  badan: 'integrity.kind.badan',
  dinas: 'integrity.kind.dinas',
  kantor: 'integrity.kind.kantor',
  rsud: 'integrity.kind.rsud',
  kecamatan: 'integrity.kind.kecamatan',
  instansi_vertikal: 'integrity.kind.instansi_vertikal',
  lainnya: 'integrity.kind.lainnya',
} satisfies Record<OpdKind, MessageKey>;
