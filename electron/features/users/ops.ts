import { z } from 'zod';
import { audited } from '../../../common/audit-texts/index.js';
import { ALL_ROLES, op, ROLES, type Role } from '../../api/define.js';
import { ApiError, problemIssue } from '../../api/errors.js';
import { nameText } from '../../api/text-input.js';
import { appendAudit } from '../audit/append.js';
import { readSetting } from '../settings/service.js';
import { authenticate, countUsers, createUser, findUser, listUsers, updateUser, type UserView } from './service.js';

const username = z
  .string()
  .trim()
  .regex(/^[a-z0-9._-]{3,32}$/, 'use 3–32 lowercase letters, digits, dot, dash or underscore');
const password = z.string().max(200);
const displayName = nameText(100);
const role = z.enum(ROLES);

export interface SessionUser {
  username: string;
  displayName: string;
  role: Role;
  /** Minutes without activity before the window locks and the session ends. */
  idleMinutes: number;
  /** The account's session epoch: the transport's session ends when it changes (password changed, account disabled). */
  sessionEpoch: number;
}

const sessionUser = (db: Parameters<typeof readSetting>[0], user: UserView): SessionUser => ({
  username: user.username,
  displayName: user.displayName,
  role: user.role,
  idleMinutes: readSetting(db, 'security.idleLockMinutes'),
  sessionEpoch: user.sessionEpoch,
});

const describeUser = (u: UserView) => `${u.username} (${u.displayName}), role ${u.role}${u.active ? '' : ', disabled'}`;

export const usersOps = {
  'users.auth.status': op({
    input: z.object({}),
    writes: false,
    roles: ALL_ROLES,
    public: true,
    run: (_input, { db }) => ({ needsFirstAdmin: countUsers(db) === 0 }),
  }),
  /** Checks the password; the transport (HTTP server, IPC) then opens its session for the returned user. */
  'users.auth.login': op({
    session: 'opens',
    input: z.object({ username: z.string().trim().max(64), password }),
    writes: true,
    roles: ALL_ROLES,
    public: true,
    prepare: async ({ username: name, password: secret }, { db }) => {
      const user = authenticate(db, name, secret);
      if (!user) {
        // Refused logins are part of the access log too (UU 27/2022); recorded on their own, as the refusal rolls back the op.
        // The name is the caller's, not an account's: the audit trail keeps it neutralised (one line, bounded).
        db.$client.transaction(() =>
          appendAudit(db, {
            actor: name || '(empty)',
            operation: 'users.auth.login',
            entity: 'session',
            entityId: name,
            ...audited('users.loginRefused'),
          }),
        )();
        throw ApiError.problem('UNAUTHENTICATED', 'auth.refused');
      }
      return user;
    },
    run: (_input, { db }, user): SessionUser => sessionUser(db, user),
    audit: (_input, out) => ({
      actor: out.username,
      entity: 'session',
      entityId: out.username,
      ...audited('users.login', { role: out.role }),
    }),
  }),
  'users.auth.logout': op({
    session: 'closes',
    input: z.object({ reason: z.enum(['logout', 'idle']).default('logout') }),
    writes: true,
    roles: ALL_ROLES,
    run: ({ reason }, { actor }) => ({ username: actor.username, reason }),
    audit: (_input, out) => ({
      entity: 'session',
      entityId: out.username,
      ...audited(out.reason === 'idle' ? 'users.lockedIdle' : 'users.logout'),
    }),
  }),
  /** First run only: creates the first admin. Transports allow it only from this machine. */
  'users.auth.setupAdmin': op({
    session: 'opens',
    input: z.object({ username, displayName, password }),
    writes: true,
    roles: ALL_ROLES,
    public: true,
    run: (input, { db }): SessionUser => {
      if (countUsers(db) > 0) throw ApiError.problem('FORBIDDEN', 'users.adminExists');
      return sessionUser(db, createUser(db, { ...input, role: 'admin' }));
    },
    audit: (_input, out) => ({
      actor: out.username,
      entity: 'user',
      entityId: out.username,
      ...audited('users.firstAdmin'),
      after: `${out.username}, role admin`,
    }),
  }),
  'users.session.me': op({
    session: 'reads',
    input: z.object({}),
    writes: false,
    roles: ALL_ROLES,
    run: (_input, { db, actor, allowedOperations }): Omit<SessionUser, 'sessionEpoch'> & { allowed: string[] } => {
      const user = findUser(db, actor.username);
      return {
        username: actor.username,
        displayName: user?.displayName ?? actor.username,
        role: actor.role,
        idleMinutes: readSetting(db, 'security.idleLockMinutes'),
        allowed: allowedOperations(),
      };
    },
  }),
  'users.list': op({
    input: z.object({}),
    writes: false,
    roles: ['admin'],
    run: (_input, { db }) => listUsers(db),
  }),
  'users.create': op({
    input: z.object({ username, displayName, role, password }),
    writes: true,
    roles: ['admin'],
    run: (input, { db }) => createUser(db, input),
    audit: (_input, out) => ({
      entity: 'user',
      entityId: out.username,
      ...audited('users.created', { username: out.username, role: out.role }),
      after: describeUser(out),
    }),
  }),
  'users.update': op({
    input: z.object({
      username,
      version: z.number().int().min(1),
      displayName: displayName.optional(),
      role: role.optional(),
      active: z.boolean().optional(),
      password: password.optional(),
    }),
    writes: true,
    roles: ['admin'],
    prepare: async ({ username: name }, { db }) => findUser(db, name),
    run: (input, { db }, before) => ({
      before,
      after: updateUser(db, input),
      passwordChanged: input.password !== undefined,
    }),
    audit: (_input, out) => ({
      entity: 'user',
      entityId: out.after.username,
      ...audited(out.passwordChanged ? 'users.updatedPasswordReset' : 'users.updated', {
        username: out.after.username,
      }),
      before: out.before ? describeUser(out.before) : null,
      after: describeUser(out.after),
    }),
  }),
  /** Ends the account's other sessions; the transport gives the caller a fresh one (a session opener). */
  'users.changeOwnPassword': op({
    session: 'opens',
    input: z.object({ current: password, next: password }),
    writes: true,
    roles: ALL_ROLES,
    run: ({ current, next }, { db, actor }): SessionUser => {
      const me = authenticate(db, actor.username, current);
      if (!me)
        throw ApiError.problem('REJECTED', 'users.wrongCurrentPassword', {}, [
          problemIssue(null, 'current', 'users.wrongCurrentPassword'),
        ]);
      return sessionUser(db, updateUser(db, { username: me.username, version: me.version, password: next }));
    },
    audit: (_input, out) => ({ entity: 'user', entityId: out.username, ...audited('users.ownPassword') }),
  }),
};
