import { parseArgs } from 'node:util';
import { SYSTEM_ACTOR, type Actor } from '../api/define.js';
import { ApiError } from '../api/errors.js';
import type { Backend } from '../api/host.js';
import type { CliContext, CliIo, Command } from './command.js';
import { UsageError } from './command.js';
import { commands } from './commands/index.js';
import { PASSWORD_ENV, readPassword } from './password.js';

export { SYSTEM_ACTOR };

const GLOBAL_OPTIONS = {
  db: { type: 'string' },
  json: { type: 'boolean' },
  as: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

function usage(): string {
  const lines = commands.map((c) => `  ${c.usage.padEnd(58)} ${c.summary}`);
  return [
    'Usage: pendopo [--db FILE] [--json] [--as USER] <command>',
    `  --as USER  act as this account (password from ${PASSWORD_ENV} or asked); default: the built-in "system" user`,
    '',
    'Commands:',
    ...lines,
  ].join('\n');
}

/** Finds the command named by the first one or two positional words. */
function findCommand(words: string[]): { command: Command; rest: string[] } | null {
  const two = commands.find((c) => c.name === `${words[0]} ${words[1]}`);
  if (two) return { command: two, rest: words.slice(2) };
  const one = commands.find((c) => c.name === words[0]);
  return one ? { command: one, rest: words.slice(1) } : null;
}

/** `--as USER`: logs in like a window does (audited), so the command acts as that account. */
async function logIn(backend: Backend, username: string): Promise<Actor> {
  const password = await readPassword(`Password for ${username}: `);
  const user = await backend.api.send('users.auth.login', { username, password }, { actor: null });
  return { username: user.username, role: user.role };
}

/** The exit codes the README documents; no other code is ever returned. */
export const EXIT_OK = 0;
export const EXIT_REJECTED = 1;
export const EXIT_USAGE = 2;
export const EXIT_INTERNAL = 3;

/** Runs one command line; returns the exit code (0 ok, 1 input rejected, 2 usage error, 3 internal error). */
export async function runCli(argv: string[], io: CliIo, actor: Actor = SYSTEM_ACTOR): Promise<number> {
  let backend: Backend | undefined;
  try {
    // A first, lenient pass with every command's options finds the command words among the flags.
    const allOptions = Object.assign({}, GLOBAL_OPTIONS, ...commands.map((c) => c.options ?? {}));
    const loose = parseArgs({ args: argv, options: allOptions, allowPositionals: true, strict: false });
    const words = loose.positionals;
    const found = findCommand(words);
    if (!found) {
      if (loose.values.help || argv.length === 0) {
        io.stdout(usage());
        return argv.length === 0 ? 2 : 0;
      }
      throw new UsageError(`Unknown command: ${words.join(' ') || '(none)'}`);
    }
    const { command } = found;
    const parsed = parseArgs({
      args: argv,
      options: { ...GLOBAL_OPTIONS, ...command.options },
      allowPositionals: true,
      strict: true,
    });
    const positionals = parsed.positionals.slice(command.name.split(' ').length);
    if (parsed.values.help) {
      io.stdout(`Usage: pendopo [--db FILE] [--json] ${command.usage}\n  ${command.summary}`);
      return 0;
    }
    if (positionals.length && !command.positionals) throw new UsageError(`Unexpected argument: ${positionals[0]}`);
    const dbFile = typeof parsed.values.db === 'string' ? parsed.values.db : './pendopo.db';
    // Loaded only once a command will run here: `--help` and usage errors answer without the backend.
    const host = command.ownBackend ? null : await import('../api/host.js');
    const openBackend = () => {
      if (!host) throw new Error(`${command.name} runs its own database threads`);
      return (backend ??= host.startBackend({ dbFile, mustExist: command.existingDatabase }));
    };
    const as = parsed.values.as;
    if (typeof as === 'string') actor = await logIn(openBackend(), as);
    const ctx: CliContext = {
      io,
      json: parsed.values.json === true,
      dbFile,
      actor,
      backend: openBackend,
      call: (name, input) => ctx.backend().api.send(name, input, { actor, trusted: true }),
    };
    const code = await command.run({ values: parsed.values, positionals }, ctx);
    return [EXIT_OK, EXIT_REJECTED, EXIT_USAGE].includes(code) ? code : EXIT_INTERNAL;
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.stderr(`${(error as Error).message}\n\n${usage()}`);
      return 2;
    }
    const apiError = ApiError.from(error);
    io.stderr(`Error: ${apiError.message}`);
    for (const issue of apiError.issues ?? []) {
      const where = [issue.line != null ? `line ${issue.line}` : null, issue.field].filter(Boolean).join(': ');
      io.stderr(`  ${where ? `${where}: ` : ''}${issue.message}`);
    }
    return apiError.code === 'INTERNAL' ? EXIT_INTERNAL : EXIT_REJECTED;
  } finally {
    backend?.close();
  }
}
