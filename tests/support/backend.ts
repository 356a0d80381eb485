import path from 'node:path';
import { startBackend, type Backend } from '../../electron/api/host.js';
import type { Actor } from '../../electron/api/define.js';
import type { OperationName, OpInput, OpOutput } from '../../electron/api/types.js';
import { tempDir } from './office-process.js';

export const ADMIN: Actor = { username: 'tester', role: 'admin' };

export interface TestCallOptions {
  actor?: Actor;
  /** Like the CLI (may name file paths) unless set to false, as IPC and HTTP callers are. */
  trusted?: boolean;
}

export interface TestBackend extends Backend {
  dir: string;
  call<N extends OperationName>(name: N, input: OpInput<N>, options?: TestCallOptions): Promise<OpOutput<N>>;
}

/** A real backend over a fresh SQLite file in a temporary folder. */
export function testBackend(dir = tempDir()): TestBackend {
  const backend = startBackend({ dbFile: path.join(dir, 'pendopo.db') });
  return {
    ...backend,
    dir,
    call: (name, input, { actor = ADMIN, trusted = true } = {}) => backend.api.send(name, input, { actor, trusted }),
  };
}

/** A backend whose office is set up for Kabupaten Blora (33.16). */
export async function bloraBackend(): Promise<TestBackend> {
  const backend = testBackend();
  await backend.call('wilayah.office.setup', { kabupaten: '33.16' });
  return backend;
}

/** A backend whose admin created one account, `kepala` (pimpinan): its audit trail has one entry. */
export async function withNewUser(): Promise<TestBackend> {
  const backend = testBackend();
  await backend.call('users.create', {
    username: 'kepala',
    displayName: 'Kepala',
    role: 'pimpinan',
    password: 'rahasia-123',
  });
  return backend;
}
