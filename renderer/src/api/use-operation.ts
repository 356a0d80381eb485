import { useCallback, useEffect, useRef, useState } from 'react';
import type { OperationName, OpInput, OpOutput, Topic } from '../../../electron/api/types';
import { explain } from '../i18n/problems';
import { coalesced } from './changes';
import { api, subscribeChanges } from './client';

export interface OperationState<N extends OperationName> {
  /** The last answer for the current input (kept while a reload runs); null before the first. */
  data: OpOutput<N> | null;
  /** The last failure, already in the user's language (`explain`). */
  error: string | null;
  loading: boolean;
  reload(): void;
}

/** Change events closer together than this are answered once (an import of 2,000 packages commits 2,000 times). */
export const CHANGE_COALESCE_MS = 400;

/**
 * Calls `topics`' listener when a committed write (here or by another clerk) touches one of them:
 * at once for the first, then at most once per `CHANGE_COALESCE_MS` while more keep coming (the
 * last always answered). The listener may change between renders without resubscribing.
 */
export function useChanges(topics: readonly Topic[], listener: () => void): void {
  const latest = useRef(listener);
  latest.current = listener;
  const key = topics.join(',');
  useEffect(() => {
    if (!key) return;
    const wanted = new Set(key.split(','));
    const answer = coalesced(() => latest.current(), CHANGE_COALESCE_MS);
    const stop = subscribeChanges((event) => {
      if (event.topics.some((t) => wanted.has(t))) answer.call();
    });
    return () => {
      stop();
      answer.stop();
    };
  }, [key]);
}

/**
 * One way for a screen to load an operation's data: loading and error states, `reload()`, and a
 * reload whenever a change event touches `topics`. An answer that arrives after the input changed,
 * after a newer call, or after the screen unmounted is ignored. `input: null` waits (nothing called).
 */
export function useOperation<N extends OperationName>(
  name: N,
  input: OpInput<N> | null,
  { topics = [] }: { topics?: readonly Topic[] } = {},
): OperationState<N> {
  const [data, setData] = useState<OpOutput<N> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(input !== null);
  const [generation, setGeneration] = useState(0);
  const key = input === null ? null : JSON.stringify(input);
  const latestInput = useRef(input);
  latestInput.current = input;
  const lastKey = useRef(key);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `generation` is the reload trigger; the input is read through its key
  useEffect(() => {
    if (key === null) return;
    // A new input shows nothing of the old one's answer; a reload keeps it until the new one lands.
    if (lastKey.current !== key) setData(null);
    lastKey.current = key;
    let current = true;
    setLoading(true);
    api(name, latestInput.current as OpInput<N>).then(
      (value) => {
        if (!current) return;
        setData(value);
        setError(null);
        setLoading(false);
      },
      (e: unknown) => {
        if (!current) return;
        setError(explain(e));
        setLoading(false);
      },
    );
    return () => {
      current = false;
    };
  }, [name, key, generation]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  useChanges(topics, reload);
  return { data, error, loading, reload };
}
