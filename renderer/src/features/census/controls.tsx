import { useT } from '../../i18n';
import { useCensus } from './store';

/** Event source of a grid cell put back after a refused edit: not an edit to save. */
export const REVERT = 'revert';

export interface Notice {
  ok: boolean;
  text: string;
}

/** A result line: a status when it went well, an alert when it did not. */
export function NoticeLine({ notice }: { notice: Notice | null }) {
  if (!notice) return null;
  return (
    <p className={notice.ok ? 'ok' : 'error'} role={notice.ok ? 'status' : 'alert'}>
      {notice.text}
    </p>
  );
}

/** The office's kecamatan to choose from; `allLabel` is the empty choice. */
export function KecamatanSelect({
  value,
  onChange,
  allLabel,
  label,
}: {
  value: string;
  onChange(kode: string): void;
  allLabel?: string;
  label?: string;
}) {
  const t = useT();
  const kecamatan = useCensus((s) => s.kecamatan);
  return (
    <select aria-label={label ?? t('census.col.kecamatan')} value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">{allLabel ?? t('census.allKecamatan')}</option>
      {kecamatan.map((k) => (
        <option key={k.kode} value={k.kode}>
          {k.kode} {k.nama}
        </option>
      ))}
    </select>
  );
}
