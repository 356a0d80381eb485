import { useEffect } from 'react';
import { useChanges } from '../../api/use-operation';
import { useT } from '../../i18n';
import { useRoute } from '../../store/route';
import { NoticeLine } from './controls';
import { BalanceTab } from './BalanceTab';
import { FilesTab } from './FilesTab';
import { OfficersTab } from './OfficersTab';
import { SlsTab } from './SlsTab';
import { useCensus } from './store';
import { TabBar } from '../../components/TabBar';

const TABS = { sls: SlsTab, petugas: OfficersTab, balance: BalanceTab, files: FilesTab } as const;
type TabId = keyof typeof TABS;

/** The coordinators' desk: SLS and assignments, officers and their tree, auto-balance, files in and out. */
export function CensusScreen() {
  const t = useT();
  const tab = (useRoute((s) => s.params.tab) ?? 'sls') as TabId;
  const setParam = useRoute((s) => s.setParam);
  const error = useCensus((s) => s.error);
  const { loadReference } = useCensus.getState();
  useEffect(() => {
    void loadReference();
  }, [loadReference]);
  // Officers and their loads are each widget's own reads, which follow the 'census' changes themselves.
  useChanges(['wilayah', 'settings'], () => void loadReference());
  const Tab = TABS[tab] ?? SlsTab;
  return (
    <section className="screen">
      <header className="screen-header">
        <div>
          <h1>{t('census.title')}</h1>
          <p className="muted">{t('census.subtitle')}</p>
        </div>
      </header>
      <TabBar
        tabs={(Object.keys(TABS) as TabId[]).map((id) => ({ id, label: t(`census.tab.${id}`) }))}
        current={tab}
        label={t('census.title')}
        onSelect={(id) => setParam('tab', id)}
      />
      <NoticeLine notice={error === null ? null : { ok: false, text: error }} />
      <Tab />
    </section>
  );
}
