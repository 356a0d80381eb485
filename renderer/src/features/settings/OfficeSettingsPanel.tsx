import { useCallback, useEffect, useState } from 'react';
import type { OpOutput } from '../../../../electron/api/types';
import { api } from '../../api/client';
import { useT } from '../../i18n';
import { useOpGuard } from '../../components/op-guard';
import { explain } from '../../i18n/problems';
import { DateField } from '../../components/DateField';
import { ErrorLine } from '../../components/ErrorLine';

/** Settings that hold a day (YYYY-MM-DD): edited as dd/mm/yyyy like every date. */
const DATE_SETTINGS = new Set(['census.fieldStart', 'census.fieldEnd']);

type SettingRow = OpOutput<'settings.list'>[number];

/** Reads what the user typed as the setting's type: numbers stay numbers, an empty field is "not set". */
function parseValue(text: string, row: SettingRow): unknown {
  if (text.trim() === '') return null;
  return typeof (row.value ?? row.default) === 'number' ? Number(text) : text.trim();
}

function SettingEditor({
  row,
  canEdit,
  justSaved,
  saved,
}: {
  row: SettingRow;
  canEdit: boolean;
  justSaved: boolean;
  saved: () => void;
}) {
  const t = useT();
  const guard = useOpGuard('settings.set');
  const [text, setText] = useState(row.value === null ? '' : String(row.value));
  const [error, setError] = useState<string | null>(null);
  const changed = text !== (row.value === null ? '' : String(row.value));
  async function save() {
    setError(null);
    try {
      await api('settings.set', { key: row.key, value: parseValue(text, row), expectedVersion: row.version });
      saved();
    } catch (e) {
      setError(explain(e));
    }
  }
  return (
    <tr>
      <th scope="row">{t(`settings.setting.${row.key}`, { defaultValue: row.key })}</th>
      <td>
        {DATE_SETTINGS.has(row.key) ? (
          <DateField
            aria-label={t(`settings.setting.${row.key}`, { defaultValue: row.key })}
            value={text}
            disabled={!canEdit}
            onChange={setText}
          />
        ) : (
          <input
            aria-label={t(`settings.setting.${row.key}`, { defaultValue: row.key })}
            value={text}
            disabled={!canEdit}
            onChange={(e) => setText(e.target.value)}
          />
        )}
      </td>
      <td>
        {canEdit && (
          <button
            type="button"
            className="secondary"
            {...guard.props}
            disabled={!changed || !guard.allowed}
            onClick={() => void save()}
          >
            {t('settings.save')}
          </button>
        )}
        {justSaved && !changed && (
          <span className="muted" role="status">
            {' '}
            {t('settings.saved')}
          </span>
        )}
        <ErrorLine message={error} inline />
      </td>
    </tr>
  );
}

/** The office settings everyone can read; the server decides per setting who may change it. */
export function OfficeSettingsPanel() {
  const t = useT();
  const canSet = useOpGuard('settings.set').allowed;
  // The editor remounts with the stored version, so which setting was just saved lives here.
  const [savedKey, setSavedKey] = useState<string | null>(null);
  const [rows, setRows] = useState<SettingRow[]>([]);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => {
    api('settings.list', {}).then(setRows, (e: unknown) => setError(explain(e)));
  }, []);
  useEffect(load, [load]);
  return (
    <div className="panel">
      <ErrorLine message={error} />
      <table className="settings-table">
        <thead>
          <tr>
            <th>{t('settings.setting')}</th>
            <th>{t('settings.value')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <SettingEditor
              key={`${row.key}@${row.version}`}
              row={row}
              canEdit={canSet && row.canChange}
              justSaved={savedKey === row.key}
              saved={() => {
                setSavedKey(row.key);
                load();
              }}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}
