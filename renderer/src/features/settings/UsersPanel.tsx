import { useCallback, useEffect, useMemo, useState, type FormEvent } from 'react';
import type { ColDef } from 'ag-grid-community';
import type { OpOutput, Role } from '../../../../electron/api/types';
import { api } from '../../api/client';
import { DataGrid } from '../../components/DataGrid';
import { labelOf, useT } from '../../i18n';
import { ROLE_LABELS, ROLES } from '../users/labels';
import { explain } from '../../i18n/problems';
import { ErrorLine } from '../../components/ErrorLine';
import { useOpGuard } from '../../components/op-guard';

type UserRow = OpOutput<'users.list'>[number];

function NewUserForm({ created }: { created: () => void }) {
  const t = useT();
  const guard = useOpGuard('users.create');
  const empty = { username: '', displayName: '', role: 'operator' as Role, password: '' };
  const [form, setForm] = useState(empty);
  const [error, setError] = useState<string | null>(null);
  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    try {
      await api('users.create', form);
      setForm(empty);
      created();
    } catch (e) {
      setError(explain(e));
    }
  }
  return (
    <form noValidate className="inline-form" onSubmit={submit} aria-label={t('settings.newUser')}>
      <input
        required
        placeholder={t('users.username')}
        aria-label={t('users.username')}
        value={form.username}
        onChange={(e) => setForm({ ...form, username: e.target.value })}
      />
      <input
        required
        placeholder={t('users.displayName')}
        aria-label={t('users.displayName')}
        value={form.displayName}
        onChange={(e) => setForm({ ...form, displayName: e.target.value })}
      />
      <select
        aria-label={t('settings.role')}
        value={form.role}
        onChange={(e) => setForm({ ...form, role: e.target.value as Role })}
      >
        {ROLES.map((r) => (
          <option key={r} value={r}>
            {labelOf(t, ROLE_LABELS, r)}
          </option>
        ))}
      </select>
      <input
        required
        type="password"
        minLength={8}
        autoComplete="new-password"
        placeholder={t('users.password')}
        aria-label={t('users.password')}
        value={form.password}
        onChange={(e) => setForm({ ...form, password: e.target.value })}
      />
      <button type="submit" className="primary" {...guard.props} disabled={!guard.allowed}>
        {t('settings.addUser')}
      </button>
      <ErrorLine message={error} inline />
    </form>
  );
}

/** Accounts: add one, change a role, disable or re-enable (admin only). */
export function UsersPanel() {
  const t = useT();
  const updateGuard = useOpGuard('users.update');
  const [rows, setRows] = useState<UserRow[]>([]);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => {
    api('users.list', {}).then(setRows, (e: unknown) => setError(explain(e)));
  }, []);
  useEffect(load, [load]);
  const update = useCallback(
    (row: UserRow, change: { role?: Role; active?: boolean }) => {
      setError(null);
      api('users.update', { username: row.username, version: row.version, ...change }).then(load, (e: unknown) => {
        setError(explain(e));
        load();
      });
    },
    [load],
  );
  const columns = useMemo<ColDef<UserRow>[]>(
    () => [
      { field: 'username', headerName: t('users.username'), width: 160 },
      { field: 'displayName', headerName: t('users.displayName'), flex: 1 },
      {
        field: 'role',
        headerName: t('settings.role'),
        width: 170,
        cellRenderer: ({ data }: { data: UserRow }) => (
          <select
            aria-label={`${t('settings.role')} ${data.username}`}
            value={data.role}
            {...updateGuard.props}
            disabled={!updateGuard.allowed}
            onChange={(e) => update(data, { role: e.target.value as Role })}
          >
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {labelOf(t, ROLE_LABELS, r)}
              </option>
            ))}
          </select>
        ),
      },
      {
        field: 'active',
        headerName: t('settings.status'),
        width: 200,
        cellRenderer: ({ data }: { data: UserRow }) => (
          <span>
            {data.active ? t('settings.active') : t('settings.disabled')}{' '}
            <button
              type="button"
              className="link"
              {...updateGuard.props}
              disabled={!updateGuard.allowed}
              onClick={() => update(data, { active: !data.active })}
            >
              {data.active ? t('settings.disable') : t('settings.enable')}
            </button>
          </span>
        ),
      },
    ],
    [t, update, updateGuard],
  );
  return (
    <div className="panel">
      <NewUserForm created={load} />
      <ErrorLine message={error} />
      <DataGrid<UserRow> testId="users-grid" rowData={rows} columnDefs={columns} getRowId={(p) => p.data.username} />
    </div>
  );
}
