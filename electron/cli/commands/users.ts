import { ROLES, type Role } from '../../api/define.js';
import type { Command } from '../command.js';
import { requireString, UsageError } from '../command.js';
import { readPassword } from '../password.js';

function requireRole(values: Record<string, unknown>): Role {
  const role = requireString(values, 'role');
  if (!(ROLES as readonly string[]).includes(role))
    throw new UsageError(`--role must be one of ${ROLES.join(', ')}, got "${role}"`);
  return role as Role;
}

export const userAddCommand: Command = {
  name: 'user add',
  usage: 'user add --username U --role R [--name "Full Name"]',
  summary: 'create an account (password from PENDOPO_PASSWORD or asked); the first one may be the admin',
  options: { username: { type: 'string' }, role: { type: 'string' }, name: { type: 'string' } },
  async run({ values }, ctx) {
    const username = requireString(values, 'username');
    const role = requireRole(values);
    const displayName = typeof values.name === 'string' && values.name ? values.name : username;
    const password = await readPassword(`Password for ${username}: `);
    const user = await ctx.call('users.create', { username, role, displayName, password });
    ctx.io.stdout(
      ctx.json
        ? JSON.stringify({ username: user.username, role: user.role })
        : `Created ${user.username} (${user.role})`,
    );
    return 0;
  },
};

export const userListCommand: Command = {
  name: 'user list',
  usage: 'user list',
  summary: 'list the accounts and their roles',
  async run(_args, ctx) {
    const list = await ctx.call('users.list', {});
    if (ctx.json)
      ctx.io.stdout(
        JSON.stringify(
          list.map(({ username, displayName, role, active }) => ({ username, displayName, role, active })),
        ),
      );
    else
      for (const u of list)
        ctx.io.stdout(`${u.username.padEnd(20)} ${u.role.padEnd(12)} ${u.active ? '' : '(disabled) '}${u.displayName}`);
    return 0;
  },
};
