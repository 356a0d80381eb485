import { formatNumber } from '../../../../common/format';
import { useOperation } from '../../api/use-operation';
import { useT } from '../../i18n';
import { officerLabel, useCensus } from './store';

/** A PPL's load (SLS, families against the target) and their PML team's load, read for that PPL alone. */
export function LoadCard({ kode }: { kode: string }) {
  const t = useT();
  const target = useCensus((s) => s.targetLoadKk);
  const load = useOperation('census.officers.load', { kode }, { topics: ['census'] }).data;
  if (!load) return null;
  const { officer: ppl, lead: pml, team } = load;
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
