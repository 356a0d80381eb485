import { eq, sql } from 'drizzle-orm';
import type { Actor, Role } from '../../api/define.js';
import { ApiError, problemIssue } from '../../api/errors.js';
import { graphemeLength } from '../../../common/text.js';
import type { Db } from '../../db/open.js';
import { cachedStatement } from '../../db/statements.js';
import { updateVersioned } from '../../db/versioned.js';
import { users } from '../../../drizzle/schema/index.js';
import { DUMMY_HASH, hashPassword, MIN_PASSWORD_LENGTH, verifyPassword } from './password.js';

/** Names that belong to the app itself, never to an account. */
export const RESERVED_USERNAMES = ['system', 'anonymous'];

export interface UserView {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  active: boolean;
  createdAt: string;
  version: number;
  sessionEpoch: number;
}

const view = {
  id: users.id,
  username: users.username,
  displayName: users.displayName,
  role: users.role,
  active: users.active,
  createdAt: users.createdAt,
  version: users.version,
  sessionEpoch: users.sessionEpoch,
};

export function countUsers(db: Db): number {
  return db.select({ n: sql<number>`count(*)` }).from(users).get()?.n ?? 0;
}

export function listUsers(db: Db): UserView[] {
  return db.select(view).from(users).orderBy(users.username).all();
}

export function findUser(db: Db, username: string): UserView | undefined {
  return db.select(view).from(users).where(eq(users.username, username)).get();
}

/** Long enough as a person counts characters: 8 emoji are 8, not 16 UTF-16 units; a family emoji is one. */
function checkPassword(password: string): void {
  if (graphemeLength(password) < MIN_PASSWORD_LENGTH) {
    const params = { min: MIN_PASSWORD_LENGTH };
    throw ApiError.problem('INVALID_INPUT', 'users.passwordTooShort', params, [
      problemIssue(null, 'password', 'users.passwordTooShort', params),
    ]);
  }
}

export function createUser(
  db: Db,
  input: { username: string; displayName: string; role: Role; password: string },
): UserView {
  if (RESERVED_USERNAMES.includes(input.username))
    throw ApiError.problem('REJECTED', 'users.reserved', { username: input.username });
  if (findUser(db, input.username)) throw ApiError.problem('CONFLICT', 'users.exists', { username: input.username });
  checkPassword(input.password);
  db.insert(users)
    .values({
      username: input.username,
      displayName: input.displayName,
      role: input.role,
      passwordHash: hashPassword(input.password),
    })
    .run();
  return findUser(db, input.username)!;
}

export function updateUser(
  db: Db,
  input: { username: string; version: number; displayName?: string; role?: Role; active?: boolean; password?: string },
): UserView {
  const before = findUser(db, input.username);
  if (!before) throw ApiError.problem('NOT_FOUND', 'users.unknown', { username: input.username });
  if (input.password !== undefined) checkPassword(input.password);
  const losesAdmin =
    before.role === 'admin' &&
    before.active &&
    (input.active === false || (input.role !== undefined && input.role !== 'admin'));
  if (losesAdmin && countActiveAdmins(db) <= 1) throw ApiError.problem('REJECTED', 'users.lastAdmin');
  // A new password or a disabled account ends every session opened before; re-enabling revives none.
  const endsSessions = input.password !== undefined || (input.active === false && before.active);
  updateVersioned(
    db,
    users,
    eq(users.username, input.username),
    input.version,
    {
      ...(input.displayName !== undefined ? { displayName: input.displayName } : {}),
      ...(input.role !== undefined ? { role: input.role } : {}),
      ...(input.active !== undefined ? { active: input.active } : {}),
      ...(input.password !== undefined ? { passwordHash: hashPassword(input.password) } : {}),
      ...(endsSessions ? { sessionEpoch: before.sessionEpoch + 1 } : {}),
    },
    `User "${input.username}"`,
  );
  return findUser(db, input.username)!;
}

function countActiveAdmins(db: Db): number {
  return (
    db
      .select({ n: sql<number>`count(*)` })
      .from(users)
      .where(sql`${users.role} = 'admin' AND ${users.active} = 1`)
      .get()?.n ?? 0
  );
}

/** The account for a username and password, or null; the same work is done for unknown names. */
export function authenticate(db: Db, username: string, password: string): UserView | null {
  const row = db
    .select({ ...view, passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.username, username))
    .get();
  const matches = verifyPassword(password, row?.passwordHash ?? DUMMY_HASH);
  if (!row || !matches || !row.active) return null;
  const { passwordHash: _hash, ...user } = row;
  return user;
}

/**
 * The caller as the database knows them now. A session's role is re-read on every call so that a
 * role change or a disabled account takes effect at once. Actors without an account (the CLI's
 * built-in `system`, test actors) pass through as given: only transports create actors.
 */
export function currentAccount(db: Db, actor: Actor): Actor {
  const row = cachedStatement(
    db.$client,
    'SELECT role, active, session_epoch AS sessionEpoch FROM users WHERE username = ?',
  ).get(actor.username) as { role: Role; active: number; sessionEpoch: number } | undefined;
  if (!row) return actor;
  if (!row.active) throw ApiError.problem('UNAUTHENTICATED', 'users.disabled', { username: actor.username });
  if (actor.sessionEpoch !== undefined && actor.sessionEpoch !== row.sessionEpoch)
    throw ApiError.problem('UNAUTHENTICATED', 'session.ended');
  return { username: actor.username, role: row.role, sessionEpoch: actor.sessionEpoch };
}
