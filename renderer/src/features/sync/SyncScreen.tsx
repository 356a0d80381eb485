import { useState } from 'react';
import { useT } from '../../i18n';
import { useRoute } from '../../store/route';
import { ConflictList } from './ConflictList';
import { HouseholdGrid } from './HouseholdGrid';
import { ImportHistory } from './ImportHistory';
import { SyncImportPanel } from './SyncImportPanel';
import { TabBar } from '../../components/TabBar';

const TABS = ['import', 'history', 'conflicts', 'households'] as const;
type Tab = (typeof TABS)[number];

/** Sinkronisasi: import field sync packages, their history, conflicts to resolve, households per SLS. */
export function SyncScreen() {
  const t = useT();
  const tabParam = useRoute((s) => s.params.tab);
  const setParam = useRoute((s) => s.setParam);
  const tab: Tab = (TABS as readonly string[]).includes(tabParam ?? '') ? (tabParam as Tab) : 'import';
  // Bumped after imports and resolutions so every view reloads what changed.
  const [refresh, setRefresh] = useState(0);
  const changed = () => setRefresh((n) => n + 1);

  return (
    <section className="screen sync-screen">
      <header className="screen-header">
        <div>
          <h1>{t('sync.title')}</h1>
          <p className="muted">{t('sync.subtitle')}</p>
        </div>
      </header>
      <TabBar
        tabs={TABS.map((id) => ({ id, label: t(`sync.tab.${id}`) }))}
        current={tab}
        onSelect={(id) => setParam('tab', id === 'import' ? null : id)}
      />
      {/* The import panel stays mounted so a running import keeps its progress when switching tabs. */}
      <div hidden={tab !== 'import'}>
        <SyncImportPanel onImported={changed} />
      </div>
      {tab === 'history' && <ImportHistory refresh={refresh} />}
      {tab === 'conflicts' && <ConflictList refresh={refresh} onResolved={changed} />}
      {tab === 'households' && <HouseholdGrid refresh={refresh} />}
    </section>
  );
}
