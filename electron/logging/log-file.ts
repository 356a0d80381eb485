import fs from 'node:fs';
import path from 'node:path';

/** Where a data folder keeps its log: `<data folder>/logs/pendopo.log`. */
export const logFileIn = (dataDir: string) => path.join(dataDir, 'logs', 'pendopo.log');

export interface RotatingLogOptions {
  /** Size after which the file is rotated (pendopo.log → pendopo.1.log → … ). */
  maxBytes?: number;
  /** How many rotated files are kept besides the current one. */
  keep?: number;
}

export const LOG_MAX_BYTES = 5 * 1024 * 1024;
export const LOG_KEEP = 3;

const rotated = (file: string, n: number) => file.replace(/\.log$/, `.${n}.log`);

function rotate(file: string, keep: number): void {
  for (let n = keep - 1; n >= 1; n--) {
    if (fs.existsSync(rotated(file, n))) fs.renameSync(rotated(file, n), rotated(file, n + 1));
  }
  fs.renameSync(file, rotated(file, 1));
}

/**
 * A log file that appends one line at a time (each thread of the desktop and office mode writes its
 * own lines with O_APPEND) and rotates at a size, keeping a few old files. Logging never throws:
 * a full disk must not turn a refused operation into another error.
 */
export function rotatingLog(file: string, { maxBytes = LOG_MAX_BYTES, keep = LOG_KEEP }: RotatingLogOptions = {}) {
  return (line: string): void => {
    try {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      const size = fs.existsSync(file) ? fs.statSync(file).size : 0;
      if (size > 0 && size + line.length >= maxBytes) rotate(file, keep);
      fs.appendFileSync(file, `${line.replace(/[\r\n]+/g, ' ')}\n`);
    } catch {
      // Another thread rotated at the same moment, or the disk is full: the line is lost, the call is not.
    }
  };
}
