import { useT } from '../../i18n';
import { useRoute } from '../../store/route';
import { AsnTab } from './AsnTab';
import { DeclarationsTab } from './DeclarationsTab';
import { LkeModelTab } from './LkeModelTab';
import { OpdView } from './OpdView';
import { OverviewTab } from './OverviewTab';
import { TabBar } from '../../components/TabBar';

const TABS = ['overview', 'declarations', 'asn', 'lkeModel'] as const;

/** Zona Integritas: the OPD overview, one OPD's view, declarations, ASN SP Online participation, LKE weights. */
export function IntegrityScreen() {
  const t = useT();
  const params = useRoute((s) => s.params);
  const go = useRoute((s) => s.go);
  const tab = (TABS as readonly string[]).includes(params.tab) ? params.tab : 'overview';
  if (params.opd) return <OpdView kode={params.opd} />;
  return (
    <section className="screen">
      <header className="screen-header">
        <h1>{t('integrity.title')}</h1>
      </header>
      <TabBar
        tabs={TABS.map((id) => ({ id, label: t(`integrity.tab.${id}`) }))}
        current={tab}
        onSelect={(id) => go('zi', id === 'overview' ? {} : { tab: id })}
      />
      {tab === 'overview' && <OverviewTab />}
      {tab === 'declarations' && <DeclarationsTab />}
      {tab === 'asn' && <AsnTab />}
      {tab === 'lkeModel' && <LkeModelTab />}
    </section>
  );
}
