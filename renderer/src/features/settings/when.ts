import { formatDate, formatTime } from '../../../../common/format';

/** An ISO timestamp as local "23/06/2020 18.30". */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  return `${formatDate(date)} ${formatTime(date)}`;
}
