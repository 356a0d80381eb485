import type { MessageKey } from '../../i18n';

/** A household's visit status, as the tablet sends it. */
export const HOUSEHOLD_STATUS_LABELS = {
  complete: 'sync.hh.complete',
  partial: 'sync.hh.partial',
  refused: 'sync.hh.refused',
  moved: 'sync.hh.moved',
  not_found: 'sync.hh.not_found',
  online_verified: 'sync.hh.online_verified',
} satisfies Record<string, MessageKey>;

/** What became of an imported package. */
export const IMPORT_STATUS_LABELS = {
  imported: 'sync.status.imported',
  duplicate: 'sync.status.duplicate',
  rejected: 'sync.status.rejected',
  failed: 'sync.status.failed',
} satisfies Record<string, MessageKey>;
