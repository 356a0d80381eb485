import { formatNumber } from '../../../../common/format';
import { useT } from '../../i18n';
import { officerLabel, useCensus, type OfficerRow } from './store';

/** Team totals of the officers reporting to `lead`. */
export function teamLoad(officers: OfficerRow[], lead: string) {
  const team = officers.filter((o) => o.atasanKode === lead && o.aktif);
  return { size: team.length, sls: team.reduce((s, o) => s + o.sls, 0), kk: team.reduce((s, o) => s + o.kk, 0) };
}

/** A PPL's load (SLS, families against the target) and their PML team's load. */
export function LoadCard({ kode }: { kode: string }) {
  const t = useT();
  const officers = useCensus((s) => s.officers);
  const target = useCensus((s) => s.targetLoadKk);
  const ppl = officers.find((o) => o.kode === kode);
  if (!ppl) return null;
  const pml = officers.find((o) => o.kode === ppl.atasanKode);
  const team = pml ? teamLoad(officers, pml.kode) : null;
  return (
    <div className="load-card" data-testid="ppl-load">
      <strong>{officerLabel(ppl)}</strong>
      <span data-testid="ppl-load-figures">
        {t('census.load.ppl', { sls: formatNumber(ppl.sls), kk: formatNumber(ppl.kk), target: formatNumber(target) })}
      </span>
      {pml && team && (
        <span className="muted" data-testid="team-load">
          {t('census.load.team', {
            pml: officerLabel(pml),
            size: team.size,
            sls: formatNumber(team.sls),
            kk: formatNumber(team.kk),
          })}
        </span>
      )}
    </div>
  );
}
