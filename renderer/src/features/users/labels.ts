import type { Role } from '../../../../electron/api/types';
import type { MessageKey } from '../../i18n';

/** The accounts' roles (`operator` …), said in words. */
export const ROLE_LABELS = {
  admin: 'role.admin',
  operator: 'role.operator',
  koordinator: 'role.koordinator',
  timzi: 'role.timzi',
  pimpinan: 'role.pimpinan',
} satisfies Record<Role, MessageKey>;

export const ROLES = Object.keys(ROLE_LABELS) as Role[];
