import type { OperationName } from '../../../../electron/api/types';
import { useT } from '../../i18n';
import { useRoute } from '../../store/route';
import { useSession } from '../../store/session';
import { AuditPanel } from './AuditPanel';
import { BackupsPanel } from './BackupsPanel';
import { OfficeSettingsPanel } from './OfficeSettingsPanel';
import { UsersPanel } from './UsersPanel';
import { TabBar } from '../../components/TabBar';

/** Each tab, the operation that decides whether the user sees it, and its panel. */
const TABS = [
  { id: 'kantor', needs: 'settings.list', Panel: OfficeSettingsPanel },
  { id: 'pengguna', needs: 'users.list', Panel: UsersPanel },
  { id: 'audit', needs: 'audit.list', Panel: AuditPanel },
  { id: 'cadangan', needs: 'backup.list', Panel: BackupsPanel },
] as const satisfies readonly { id: string; needs: OperationName; Panel: unknown }[];

/** Pengaturan: office settings, accounts, the audit trail and backups, as the user's role allows. */
export function SettingsScreen() {
  const t = useT();
  const allowed = useSession((s) => s.me?.allowed ?? []);
  const tabParam = useRoute((s) => s.params.tab);
  const setParam = useRoute((s) => s.setParam);
  const tabs = TABS.filter((tab) => allowed.includes(tab.needs));
  const current = tabs.find((tab) => tab.id === tabParam) ?? tabs[0];
  return (
    <section className="screen">
      <div className="screen-header">
        <h1>{t('area.pengaturan')}</h1>
      </div>
      <TabBar
        tabs={tabs.map((tab) => ({ id: tab.id, label: t(`settings.tab.${tab.id}`) }))}
        current={current?.id}
        onSelect={(id) => setParam('tab', id)}
      />
      {current && <current.Panel />}
    </section>
  );
}
