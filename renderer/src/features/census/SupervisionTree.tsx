import { formatNumber } from '../../../../common/format';
import { useT } from '../../i18n';
import { teamLoad } from './LoadCard';
import type { OfficerRow } from './store';

/** Koseka → PML → PPL with team sizes and loads; inactive officers are left out. */
export function SupervisionTree({ officers, onPick }: { officers: OfficerRow[]; onPick(kode: string): void }) {
  const t = useT();
  const active = officers.filter((o) => o.aktif);
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
  return (
    <div className="tree" role="tree" aria-label={t('census.tree.title')}>
      <ul>{active.filter((o) => o.peran === 'KOSEKA').map(node)}</ul>
      {orphans.length > 0 && <p className="muted">{t('census.tree.orphans', { n: orphans.length })}</p>}
    </div>
  );
}
