import type { Progress } from '../../../electron/api/types';
import { formatNumber } from '../../../common/format';

export function ProgressBar({ progress, label }: { progress: Progress | null; label?: string }) {
  const fraction = progress && progress.total > 0 ? Math.min(1, progress.done / progress.total) : null;
  return (
    <div
      className="progress"
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={fraction === null ? undefined : Math.round(fraction * 100)}
    >
      <div
        className={`progress-fill${fraction === null ? ' indeterminate' : ''}`}
        style={{ width: fraction === null ? '30%' : `${fraction * 100}%` }}
      />
      {progress && (
        <span className="progress-text">
          {progress.label ? `${progress.label} · ` : ''}
          {formatNumber(progress.done)} / {formatNumber(progress.total)}
        </span>
      )}
    </div>
  );
}
