import { defineProblems as defineAuditTexts } from '../problems/define.js';

/** What the audit trail says of the account operations (users.*). */
export const usersAuditTexts = defineAuditTexts({
  id: {
    'users.loginRefused': 'masuk ditolak',
    'users.login': 'masuk sebagai {{role}}',
    'users.logout': 'keluar',
    'users.lockedIdle': 'terkunci setelah tidak aktif',
    'users.firstAdmin': 'admin pertama dibuat',
    'users.created': 'membuat {{username}} sebagai {{role}}',
    'users.updated': 'mengubah {{username}}',
    'users.updatedPasswordReset': 'mengubah {{username}} (kata sandi disetel ulang)',
    'users.ownPassword': 'mengganti kata sandi sendiri',
  },
  en: {
    'users.loginRefused': 'login refused',
    'users.login': 'login as {{role}}',
    'users.logout': 'logout',
    'users.lockedIdle': 'locked after idle time',
    'users.firstAdmin': 'first admin created',
    'users.created': 'created {{username}} as {{role}}',
    'users.updated': 'updated {{username}}',
    'users.updatedPasswordReset': 'updated {{username}} (password reset)',
    'users.ownPassword': 'changed own password',
  },
});
