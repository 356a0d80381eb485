import { EXPORT_TTL_MS } from './export-store.js';

/**
 * Which caller may fetch which export, once: the transport grants an export to the session whose
 * call produced it, and the download (office mode) or save (desktop) takes the grant. Another
 * session, a second try, or a grant older than the export's TTL gets nothing.
 */
export class DownloadGrants {
  private readonly grants = new Map<string, { owner: string; at: number }>();
  constructor(
    private readonly now: () => number = Date.now,
    private readonly ttlMs = EXPORT_TTL_MS,
  ) {}

  grant(owner: string, exportId: string): void {
    this.forgetExpired();
    this.grants.set(exportId, { owner, at: this.now() });
  }

  /** True (and the grant is used up) when `owner` was granted this export and it has not expired. */
  take(owner: string, exportId: string): boolean {
    const grant = this.grants.get(exportId);
    if (!grant || grant.owner !== owner || this.now() - grant.at > this.ttlMs) return false;
    this.grants.delete(exportId);
    return true;
  }

  /** A session ended: its exports can no longer be fetched. */
  revokeOwner(owner: string): void {
    for (const [id, grant] of this.grants) if (grant.owner === owner) this.grants.delete(id);
  }

  private forgetExpired(): void {
    const at = this.now();
    for (const [id, grant] of this.grants) if (at - grant.at > this.ttlMs) this.grants.delete(id);
  }
}
