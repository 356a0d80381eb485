import type { ColDef } from 'ag-grid-community';
import { useT } from '../i18n';
import { type OpGuard, useRoleSaid } from './op-guard';

/**
 * What an editable grid column takes from the guard of the op its edits call: editable (and tinted so) when the
 * role may use it; otherwise read-only, looking so, with the reason as the cell's tooltip.
 */
export function editableBy<T>(guard: OpGuard): Pick<ColDef<T>, 'editable' | 'cellClassRules' | 'tooltipValueGetter'> {
  return {
    editable: guard.allowed,
    cellClassRules: { 'editable-cell': () => guard.allowed, 'read-only-cell': () => !guard.allowed },
    ...(!guard.allowed && { tooltipValueGetter: () => guard.props.title }),
  };
}

/**
 * One line above a grid whose cells the role may not edit: says so, so nobody double-clicks in vain. Tagged with
 * the op (`data-op`, the reason as `title`) like a disabled button, for the role walk.
 */
export function ReadOnlyNote({ guard }: { guard: OpGuard }) {
  const t = useT();
  const role = useRoleSaid();
  if (guard.allowed) return null;
  return (
    <p className="read-only-note" role="note" aria-disabled="true" {...guard.props}>
      {t('common.readOnlyCells', { role })}
    </p>
  );
}
