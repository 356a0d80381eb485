import { formatNumber } from '../../../../common/format';
import { useT } from '../../i18n';
import { useCensus } from './store';

/** Active PPL to choose from, those of `kecamatan` first, each with their current load. */
export function PplPicker({
  value,
  onChange,
  kecamatan,
  label,
}: {
  value: string;
  onChange(kode: string): void;
  kecamatan?: string;
  label?: string;
}) {
  const t = useT();
  const officers = useCensus((s) => s.officers);
  const ppl = officers.filter((o) => o.peran === 'PPL' && o.aktif);
  const here = kecamatan ? ppl.filter((o) => o.kecamatanKode === kecamatan) : ppl;
  const elsewhere = kecamatan ? ppl.filter((o) => o.kecamatanKode !== kecamatan) : [];
  const option = (o: (typeof ppl)[number]) => (
    <option key={o.kode} value={o.kode}>
      {o.kode} · {o.nama} ({formatNumber(o.sls)} SLS, {formatNumber(o.kk)} KK)
    </option>
  );
  return (
    <label className="field-inline">
      <span>{label ?? t('census.col.ppl')}</span>
      <select aria-label={label ?? t('census.col.ppl')} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{t('census.assign.choosePpl')}</option>
        {kecamatan ? (
          <>
            <optgroup label={t('census.assign.here')}>{here.map(option)}</optgroup>
            <optgroup label={t('census.assign.elsewhere')}>{elsewhere.map(option)}</optgroup>
          </>
        ) : (
          here.map(option)
        )}
      </select>
    </label>
  );
}
