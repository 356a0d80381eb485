import { useState } from 'react';
import { formatNumber } from '../../../../common/format';
import { useOperation } from '../../api/use-operation';
import { useDebounced } from '../../components/use-debounced';
import { useT } from '../../i18n';
import { ErrorLine } from '../../components/ErrorLine';
import type { OfficerRow } from './store';

/** The most PPL the picker lists at once; typing a code or name narrows them on the server. */
export const PICKER_ROWS = 100;

/**
 * Active PPL to choose from, each with their current load: those of `kecamatan` when the screen is
 * filtered to one (other kecamatan's on request), searched by code or name on the server.
 */
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
  const [search, setSearch] = useState('');
  const text = useDebounced(search.trim(), 300);
  const [everywhere, setEverywhere] = useState(false);
  // The chosen PPL stays listed while the search moves on.
  const [chosen, setChosen] = useState<OfficerRow | null>(null);
  const filter = {
    peran: 'PPL' as const,
    aktif: true,
    kecamatan: kecamatan && !everywhere ? kecamatan : undefined,
    text: text || undefined,
  };
  const found = useOperation('census.officers.page', { offset: 0, limit: PICKER_ROWS, filter }, { topics: ['census'] });
  const rows = found.data?.rows ?? [];
  const total = found.data?.total ?? 0;
  const listed = rows.some((o) => o.kode === value);
  const option = (o: OfficerRow) => (
    <option key={o.kode} value={o.kode}>
      {o.kode} · {o.nama} ({formatNumber(o.sls)} SLS, {formatNumber(o.kk)} KK)
    </option>
  );
  const name = label ?? t('census.col.ppl');
  return (
    <div className="ppl-picker">
      <input
        type="search"
        aria-label={t('census.ppl.search')}
        placeholder={t('census.ppl.search')}
        value={search}
        onChange={(e) => setSearch(e.target.value)}
      />
      <label className="field-inline">
        <span>{name}</span>
        <select
          aria-label={name}
          value={value}
          onChange={(e) => {
            setChosen(rows.find((o) => o.kode === e.target.value) ?? null);
            onChange(e.target.value);
          }}
        >
          <option value="">{t('census.assign.choosePpl')}</option>
          {value && !listed && (chosen?.kode === value ? option(chosen) : <option value={value}>{value}</option>)}
          {rows.map(option)}
        </select>
      </label>
      {kecamatan && (
        <label className="field-inline check">
          <input type="checkbox" checked={everywhere} onChange={(e) => setEverywhere(e.target.checked)} />
          <span>{t('census.ppl.otherKecamatan')}</span>
        </label>
      )}
      {found.data && total > rows.length && (
        <p className="muted" data-testid="ppl-more">
          {t('census.ppl.more', { shown: formatNumber(rows.length), total: formatNumber(total) })}
        </p>
      )}
      {found.data && total === 0 && <p className="muted">{t('census.ppl.none')}</p>}
      <ErrorLine message={found.error} />
    </div>
  );
}
