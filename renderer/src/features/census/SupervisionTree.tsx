import { formatNumber } from '../../../../common/format';
import { useOperation } from '../../api/use-operation';
import { useT } from '../../i18n';
import { ErrorLine } from '../../components/ErrorLine';
import type { OfficerRow } from './store';

/** A kecamatan's active officers in one page (the most a page may hold): about 80 in a regency like Blora. */
const TREE_ROWS = 500;

/** Team totals of the officers reporting to `lead`. */
function teamLoad(officers: OfficerRow[], lead: string) {
  const team = officers.filter((o) => o.atasanKode === lead);
  return { size: team.length, sls: team.reduce((s, o) => s + o.sls, 0), kk: team.reduce((s, o) => s + o.kk, 0) };
}

/** Koseka → PML → PPL of one kecamatan (its active officers only) with team sizes and loads. */
export function SupervisionTree({ kecamatan, onPick }: { kecamatan: string; onPick(kode: string): void }) {
  const t = useT();
  const found = useOperation(
    'census.officers.page',
    kecamatan ? { offset: 0, limit: TREE_ROWS, filter: { kecamatan, aktif: true } } : null,
    { topics: ['census'] },
  );
  if (!kecamatan) return <p className="muted">{t('census.tree.chooseKecamatan')}</p>;
  if (found.error) return <ErrorLine message={found.error} />;
  const active = found.data?.rows ?? [];
  const under = (kode: string) => active.filter((o) => o.atasanKode === kode);
  const orphans = active.filter((o) => o.peran !== 'KOSEKA' && !active.some((b) => b.kode === o.atasanKode));
  const node = (o: OfficerRow) => {
    const team = under(o.kode);
    const totals = o.peran === 'PML' ? teamLoad(active, o.kode) : null;
    const label = (
      <span className="tree-label">
        <button type="button" className="link" onClick={() => onPick(o.kode)}>
          {o.kode}
        </button>{' '}
        {o.nama}
        <span className="muted">
          {' · '}
          {o.peran === 'PPL'
            ? t('census.tree.ppl', { sls: formatNumber(o.sls), kk: formatNumber(o.kk) })
            : o.peran === 'PML'
              ? t('census.tree.pml', {
                  size: team.length,
                  sls: formatNumber(totals!.sls),
                  kk: formatNumber(totals!.kk),
                })
              : t('census.tree.koseka', { size: team.length, ppl: team.reduce((s, p) => s + under(p.kode).length, 0) })}
        </span>
      </span>
    );
    if (!team.length) return <li key={o.kode}>{label}</li>;
    return (
      <li key={o.kode}>
        <details open={o.peran === 'KOSEKA'}>
          <summary>{label}</summary>
          <ul>{team.map(node)}</ul>
        </details>
      </li>
    );
  };
  const total = found.data?.total ?? 0;
  return (
    <div className="tree" role="tree" aria-label={t('census.tree.title')}>
      <ul>{active.filter((o) => o.peran === 'KOSEKA').map(node)}</ul>
      {orphans.length > 0 && <p className="muted">{t('census.tree.orphans', { n: orphans.length })}</p>}
      {total > active.length && (
        <p className="muted">
          {t('census.tree.more', { shown: formatNumber(active.length), total: formatNumber(total) })}
        </p>
      )}
    </div>
  );
}
