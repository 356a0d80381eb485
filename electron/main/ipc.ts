import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { z } from 'zod';
import type { Actor, ChangeEvent, Progress, SessionEffect } from '../api/define.js';
import { ApiError } from '../api/errors.js';
import { throttledError, type LoginAttempt, type LoginThrottle } from '../auth/login-throttle.js';
import type { DesktopSession, SessionUserLike } from '../auth/sessions.js';
import type { DownloadGrants } from '../files/download-grants.js';
import { isExportHandle } from '../files/exported-file.js';
import type { CallResult } from '../backend/protocol.js';
import { DESKTOP_OWNER } from './save-export.js';

export const CALL_CHANNEL = 'pendopo:call';
export const PROGRESS_CHANNEL = 'pendopo:progress';
/** Change events of committed writes, main → window (issue 12: every window stays current). */
export const CHANGES_CHANNEL = 'pendopo:changes';

const callMessage = z.object({ callId: z.string().max(64), name: z.string().max(80), input: z.unknown() });

export interface IpcDeps {
  isTrustedSender(event: IpcMainInvokeEvent): boolean;
  /** Who is logged in at this window; login and logout through the same operations as the browser. */
  session: DesktopSession;
  call(name: string, input: unknown, actor: Actor | null, onProgress: (p: Progress) => void): Promise<CallResult>;
  /** What an operation does to the window's session (`Operation.session`): the backend's catalogue says. */
  sessionEffect(name: string): SessionEffect | undefined;
  /** Wrong passwords at the window are slowed like in office mode (one "address": this desktop). */
  throttle?: LoginThrottle;
  /** Exports the window's calls produced, for `pendopo:save-export` to take once. */
  grants?: DownloadGrants;
}

/** Handles one `pendopo:call` message. Everything from the window is `unknown` until checked. */
export async function handleCallMessage(
  event: IpcMainInvokeEvent,
  message: unknown,
  deps: IpcDeps,
): Promise<CallResult> {
  if (!deps.isTrustedSender(event)) {
    return { ok: false, error: ApiError.problem('FORBIDDEN', 'general.untrustedFrame').toJSON() };
  }
  const parsed = callMessage.safeParse(message);
  if (!parsed.success) {
    return { ok: false, error: ApiError.problem('INVALID_INPUT', 'general.malformedCall').toJSON() };
  }
  const { callId, name, input } = parsed.data;
  const sendProgress = (progress: Progress) => {
    if (!event.sender.isDestroyed()) event.sender.send(PROGRESS_CHANNEL, { callId, progress });
  };
  let attempt: LoginAttempt | undefined;
  if (name === 'users.auth.login' && deps.throttle) {
    const given = (input as { username?: unknown } | null)?.username;
    const answer = deps.throttle.begin(typeof given === 'string' ? given.trim() : '', 'desktop');
    if (!answer.allowed) return { ok: false, error: throttledError(answer.retryAfterMs).toJSON() };
    attempt = answer.attempt;
  }
  const result = await deps.call(name, input, deps.session.current(), sendProgress);
  if (result.ok && attempt) deps.throttle?.succeeded(attempt);
  const effect = deps.sessionEffect(name);
  if (result.ok && effect === 'opens') deps.session.open(result.value as SessionUserLike);
  if (result.ok && effect === 'closes') {
    deps.session.close();
    deps.grants?.revokeOwner(DESKTOP_OWNER);
  }
  if (result.ok && isExportHandle(result.value)) deps.grants?.grant(DESKTOP_OWNER, result.value.exportId);
  return result;
}

/** What a change event is sent to: a window's web contents. */
export interface ChangeTarget {
  isDestroyed(): boolean;
  send(channel: string, event: ChangeEvent): void;
}

/** Sends every change event to the open windows while someone is logged in at them. */
export function forwardChanges(
  source: { onChange(listener: (event: ChangeEvent) => void): () => void },
  targets: () => ChangeTarget[],
  session: DesktopSession,
): () => void {
  return source.onChange((event) => {
    if (!session.current()) return;
    for (const target of targets()) if (!target.isDestroyed()) target.send(CHANGES_CHANNEL, event);
  });
}

export function registerIpc(ipcMain: Pick<IpcMain, 'handle'>, deps: IpcDeps): void {
  ipcMain.handle(CALL_CHANNEL, (event, message: unknown) => handleCallMessage(event, message, deps));
}
