import type { OperationName, OpInput, OpOutput, Progress, SerializedApiError } from '../../../electron/api/types';
import { changeSubscription, type ChangeListener } from './changes';
import { pickTransport } from './transport';

export class ApiCallError extends Error {
  readonly code: SerializedApiError['code'];
  readonly issues: NonNullable<SerializedApiError['issues']>;
  /** The catalogue key and parameters (common/problems/): show with `explain()`. */
  readonly key?: string;
  readonly params?: SerializedApiError['params'];
  constructor(error: SerializedApiError) {
    super(error.message);
    this.code = error.code;
    this.issues = error.issues ?? [];
    this.key = error.key;
    this.params = error.params;
  }
}

const transport = pickTransport();

/** Told when a call finds the session gone (expired, logged out elsewhere, account disabled). */
let onSessionLost: (() => void) | null = null;
export function whenSessionLost(listener: () => void): void {
  onSessionLost = listener;
}

const bridge = typeof window !== 'undefined' ? window.pendopo : undefined;

/**
 * Listens to the backend's change events (another clerk's import, assignment, …), in the desktop
 * and in office mode alike; returns the function that stops listening.
 */
export const subscribeChanges: (listener: ChangeListener) => () => void = changeSubscription(
  bridge?.onChanges
    ? { onChanges: (listener) => bridge.onChanges!(listener) }
    : typeof EventSource !== 'undefined'
      ? { openEventSource: () => new EventSource('api/events') }
      : {},
);

/** Calls one API operation with compile-time checked name, input and result. */
export async function api<N extends OperationName>(
  name: N,
  input: OpInput<N>,
  options: { onProgress?: (p: Progress) => void } = {},
): Promise<OpOutput<N>> {
  const result = await transport(name, input, options.onProgress);
  if (!result.ok) {
    if (result.error.code === 'UNAUTHENTICATED' && !name.startsWith('users.auth.')) onSessionLost?.();
    throw new ApiCallError(result.error);
  }
  return result.value as OpOutput<N>;
}
