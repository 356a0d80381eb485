import { useMemo } from 'react';
import type { OperationName } from '../../../electron/api/types';
import { useT } from '../i18n';
import { useCan, useSession } from '../store/session';
import { ROLE_LABELS } from '../features/users/labels';

/**
 * What a control that calls `name` needs: whether the user's role may call it, and the props that tag the
 * control with its op (`data-op`, checked by the e2e role walk) and give the reason when it is disabled.
 */
export function useOpGuard(name: OperationName): OpGuard {
  const t = useT();
  const allowed = useCan(name);
  const role = useRoleSaid();
  const title = allowed ? undefined : t('common.notAllowed', { role });
  // The same object while nothing changes, so grid columns built from it (`editableBy`) are not rebuilt each render.
  return useMemo(() => ({ allowed, props: { 'data-op': name, title } }), [allowed, name, title]);
}

/** A control's guard: pass it whole to a shared component (an import panel) that renders the control. */
export interface OpGuard {
  allowed: boolean;
  props: { 'data-op': OperationName; title: string | undefined };
}

/** The signed-in user's role in words ("Tim ZI"), for the reasons controls give. */
export function useRoleSaid(): string {
  const t = useT();
  const role = useSession((s) => s.me?.role);
  return role ? t(ROLE_LABELS[role]) : '';
}
