import type { ParseArgsConfig } from 'node:util';
import type { Actor } from '../api/define.js';
import type { Backend } from '../api/host.js';
import type { OperationName, OpInput, OpOutput } from '../api/types.js';
import { EXPORT_FORMATS } from '../files/table-columns.js';

export interface CliIo {
  /** One line of output (a newline is added). */
  stdout(text: string): void;
  stderr(text: string): void;
  /** Raw bytes to stdout, resolving when the stream can take more (large exports); optional for in-process callers. */
  write?(chunk: Uint8Array | string): Promise<void>;
}

export interface CliContext {
  io: CliIo;
  json: boolean;
  dbFile: string;
  actor: Actor;
  /** Opens the database on first use. */
  backend(): Backend;
  call<N extends OperationName>(name: N, input: OpInput<N>): Promise<OpOutput<N>>;
}

export type OptionsConfig = NonNullable<ParseArgsConfig['options']>;

export interface Command {
  /** One or two words, e.g. "init" or "import sls". */
  name: string;
  usage: string;
  summary: string;
  options?: OptionsConfig;
  /** Whether positional arguments are accepted (e.g. files). */
  positionals?: boolean;
  /** Works on an existing database only: a missing file is an error, never created empty (check, backup, audit). */
  existingDatabase?: boolean;
  /** Starts its own database threads (serve) rather than using `ctx.backend()` in this thread. */
  ownBackend?: boolean;
  /** Returns the exit code. */
  run(args: { values: Record<string, unknown>; positionals: string[] }, ctx: CliContext): Promise<number>;
}

/** Thrown for a malformed command line: exit code 2 with the usage line. */
export class UsageError extends Error {}

export function requireString(values: Record<string, unknown>, key: string): string {
  const value = values[key];
  if (typeof value !== 'string' || value === '') throw new UsageError(`--${key} is required`);
  return value;
}

export function optionalString(values: Record<string, unknown>, key: string): string | undefined {
  return typeof values[key] === 'string' ? values[key] : undefined;
}

/** A required option that must be one of `allowed`. */
export function requireOneOf<T extends string>(values: Record<string, unknown>, key: string, allowed: readonly T[]): T {
  const value = requireString(values, key);
  if (!(allowed as readonly string[]).includes(value))
    throw new UsageError(`--${key} must be one of ${allowed.join(', ')}, got "${value}"`);
  return value as T;
}

/** --format of the export commands: `csv` (the machine CSV), `csv-excel` (Excel Indonesia) or `xlsx`. */
export const exportFormat = (values: Record<string, unknown>) => requireOneOf(values, 'format', EXPORT_FORMATS);

/** --format where it may be left out: the machine CSV. */
export const optionalExportFormat = (values: Record<string, unknown>) =>
  values.format === undefined ? 'csv' : exportFormat(values);
