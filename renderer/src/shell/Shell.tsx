import { useT, changeLanguage, labelOf, LANGUAGES, type Language } from '../i18n';
import { ROLE_LABELS } from '../features/users/labels';
import { useOffice } from '../store/office';
import { useSession } from '../store/session';
import { AREAS, useRoute } from '../store/route';
import { AREA_SCREENS } from './areas';
import { useTranslation } from 'react-i18next';

/** Sidebar of areas, the office's name, the language switch, and the current area's screen. */
export function Shell() {
  const t = useT();
  const { i18n } = useTranslation();
  const office = useOffice((s) => s.office);
  const area = useRoute((s) => s.area);
  const go = useRoute((s) => s.go);
  const me = useSession((s) => s.me);
  const logout = useSession((s) => s.logout);
  const Screen = AREA_SCREENS[area];
  return (
    <div className="shell">
      <nav className="sidebar" aria-label="Pendopo">
        <div className="brand">
          <span className="brand-mark" aria-hidden>
            ⌂
          </span>
          <div>
            <strong>{t('app.name')}</strong>
            <small>{office?.nama}</small>
          </div>
        </div>
        <ul>
          {AREAS.map((id) => (
            <li key={id}>
              <button
                type="button"
                className={id === area ? 'active' : ''}
                aria-current={id === area ? 'page' : undefined}
                onClick={() => go(id)}
              >
                {t(`area.${id}`)}
              </button>
            </li>
          ))}
        </ul>
        <div className="sidebar-foot">
          {me && (
            <div className="sidebar-user">
              <span data-testid="current-user">
                <strong>{me.displayName}</strong>
                <small>{labelOf(t, ROLE_LABELS, me.role)}</small>
              </span>
              <button type="button" className="secondary" onClick={() => void logout()}>
                {t('users.auth.logout')}
              </button>
            </div>
          )}
          <label>
            <span>{t('shell.language')}</span>
            <select
              value={i18n.language}
              onChange={(e) => changeLanguage(e.target.value as Language)}
              aria-label={t('shell.language')}
            >
              {LANGUAGES.map((l) => (
                <option key={l} value={l}>
                  {l === 'id' ? 'Bahasa Indonesia' : 'English'}
                </option>
              ))}
            </select>
          </label>
          <small className="muted">{t('shell.credit')}</small>
        </div>
      </nav>
      <div className="content">
        <Screen />
      </div>
    </div>
  );
}
