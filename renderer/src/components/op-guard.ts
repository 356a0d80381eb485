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
  const role = useSession((s) => s.me?.role);
  const reason = allowed || !role ? undefined : t('common.notAllowed', { role: t(ROLE_LABELS[role]) });
  return { allowed, props: { 'data-op': name, title: reason } };
}

/** A control's guard: pass it whole to a shared component (an import panel) that renders the control. */
export interface OpGuard {
  allowed: boolean;
  props: { 'data-op': OperationName; title: string | undefined };
}
