import { useMemo, useState } from 'react';
import type { ColDef } from 'ag-grid-community';
import type { OpInput, OpOutput } from '../../../../electron/api/types';
import { formatDateTime } from './when';
import { api } from '../../api/client';
import { cellRoom } from '../../components/header-room';
import { DataGrid, WHOLE, serverColumns } from '../../components/DataGrid';
import { useChanges, useOperation } from '../../api/use-operation';
import { explain } from '../../i18n/problems';
import { useServerRows } from '../../components/server-rows';
import { ExportButtons } from '../../components/ExportButtons';
import { labelOf, useT } from '../../i18n';
import { AUDIT_ENTITY_LABELS } from './audit-entities';
import { auditSummary } from './audit-summary';
import { AUDIT_OPERATION_LABELS } from './audit-operations';
import { DateField } from '../../components/DateField';
import { ErrorLine } from '../../components/ErrorLine';

type AuditRow = OpOutput<'audit.page'>['rows'][number];
type Filter = OpInput<'audit.exportCsv'>;
type Verify = OpOutput<'audit.verify'>;
const NO_FACETS: OpOutput<'audit.facets'> = { actors: [], operations: [], entities: [] };

function Choice({
  label,
  value,
  options,
  onChange,
  said,
}: {
  label: string;
  value?: string;
  options: string[];
  onChange: (v?: string) => void;
  /** The words for an option; without it options are references (names) shown as they are. */
  said?: (option: string) => string;
}) {
  const t = useT();
  return (
    <label>
      <span>{label}</span>
      <select aria-label={label} value={value ?? ''} onChange={(e) => onChange(e.target.value || undefined)}>
        <option value="">{t('settings.all')}</option>
        {options.map((o) => (
          // Actors as the trail stores them are references, shown as they are; operations and entities are said.
          <option key={o} value={o} translate={said ? undefined : 'no'}>
            {said ? said(o) : o}
          </option>
        ))}
      </select>
    </label>
  );
}

/** The audit trail filtered by user, operation, entity and date; chain verification; CSV export. */
export function AuditPanel() {
  const t = useT();
  const [filter, setFilter] = useState<Filter>({});
  const facets = useOperation('audit.facets', {}, { topics: ['audit'] }).data ?? NO_FACETS;
  const [verify, setVerify] = useState<Verify | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Every write adds an entry: the grid reads the trail a block at a time, newest first.
  const trail = useServerRows<AuditRow>(
    JSON.stringify(filter),
    (offset, limit) => api('audit.page', { offset, limit, filter }),
    (e) => setError(explain(e)),
  );
  useChanges(['audit'], trail.refresh);
  const columns = useMemo<ColDef<AuditRow>[]>(
    () =>
      serverColumns<AuditRow>([
        { field: 'id', headerName: '#', width: 80 },
        {
          field: 'at',
          headerName: t('settings.at'),
          width: 150,
          minWidth: cellRoom('00/00/0000 00.00'),
          cellClass: WHOLE,
          valueFormatter: (p) => formatDateTime(p.value as string),
        },
        { field: 'actor', headerName: t('settings.user'), width: 120 },
        // Said in words, whole in the tooltip where the column cuts it (the export keeps the operation's name).
        {
          field: 'operation',
          headerName: t('settings.operation'),
          width: 180,
          valueFormatter: (p) => labelOf(t, AUDIT_OPERATION_LABELS, p.value),
          tooltipValueGetter: (p) => labelOf(t, AUDIT_OPERATION_LABELS, p.value),
        },
        {
          field: 'entity',
          headerName: t('settings.entity'),
          width: 140,
          valueFormatter: (p) => labelOf(t, AUDIT_ENTITY_LABELS, p.value),
        },
        { field: 'entityId', headerName: t('settings.entityId'), width: 140, tooltipField: 'entityId' },
        {
          field: 'summary',
          headerName: t('settings.summary'),
          flex: 1,
          minWidth: 200,
          valueGetter: (p) => (p.data ? auditSummary(p.data, t) : ''),
          tooltipValueGetter: (p) => p.value as string,
        },
        { field: 'before', headerName: t('settings.before'), width: 140 },
        { field: 'after', headerName: t('settings.after'), width: 140 },
      ]),
    [t],
  );
  const set = (key: keyof Filter) => (value?: string) => setFilter((f) => ({ ...f, [key]: value || undefined }));
  return (
    <div className="panel">
      <div className="filter-bar">
        <Choice label={t('settings.user')} value={filter.actor} options={facets.actors} onChange={set('actor')} />
        <Choice
          label={t('settings.operation')}
          value={filter.operation}
          options={facets.operations}
          onChange={set('operation')}
          said={(operation) => labelOf(t, AUDIT_OPERATION_LABELS, operation)}
        />
        <Choice
          label={t('settings.entity')}
          value={filter.entity}
          options={facets.entities}
          onChange={set('entity')}
          said={(entity) => labelOf(t, AUDIT_ENTITY_LABELS, entity)}
        />
        <label>
          <span>{t('settings.from')}</span>
          <DateField
            aria-label={t('settings.from')}
            value={filter.from ?? ''}
            onChange={(value) => set('from')(value)}
          />
        </label>
        <label>
          <span>{t('settings.to')}</span>
          <DateField aria-label={t('settings.to')} value={filter.to ?? ''} onChange={(value) => set('to')(value)} />
        </label>
        <ExportButtons
          label={t('settings.exportCsv')}
          make={(format, onProgress) => api('audit.exportCsv', { ...filter, format }, { onProgress })}
        />
        <button
          type="button"
          className="primary"
          onClick={() => api('audit.verify', {}).then(setVerify, (e: unknown) => setError(explain(e)))}
        >
          {t('settings.verify')}
        </button>
      </div>
      {verify && (
        <p role="status" data-testid="audit-verify" className={verify.ok ? 'verify-ok' : 'error'}>
          {verify.ok
            ? t('settings.verifyOk', { count: verify.entries })
            : t('settings.verifyBroken', { id: verify.broken?.id, reason: verify.broken?.reason })}
        </p>
      )}
      <ErrorLine message={error} />
      <DataGrid<AuditRow>
        testId="audit-grid"
        {...trail.gridProps}
        columnDefs={columns}
        getRowId={(p) => String(p.data.id)}
      />
    </div>
  );
}
