import type { Db } from '../../db/open.js';
import { readSetting } from '../settings/service.js';
import { backupDatabase, newBackupPath, pruneAutoBackups } from './service.js';

export interface AutoBackups {
  stop(): void;
  /** Resolves when the backup taken at start has been written. */
  first: Promise<void>;
}

/**
 * Takes an automatic backup now and then every `backup.everyHours` (re-read each time), keeping
 * the last `backup.keep`. A failed backup is reported and retried at the next interval.
 */
export function startAutoBackups(db: Db, dataDir: string, onError: (error: Error) => void = () => {}): AutoBackups {
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const runOnce = async () => {
    try {
      await backupDatabase(db.$client, newBackupPath(dataDir, 'auto'));
      pruneAutoBackups(dataDir, readSetting(db, 'backup.keep'));
    } catch (error) {
      onError(error as Error);
    }
  };
  const scheduleNext = () => {
    if (stopped) return;
    timer = setTimeout(() => void runOnce().then(scheduleNext), readSetting(db, 'backup.everyHours') * 3_600_000);
    timer.unref();
  };
  const first = runOnce().then(scheduleNext);
  return {
    first,
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
    },
  };
}
