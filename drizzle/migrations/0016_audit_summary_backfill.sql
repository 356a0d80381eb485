-- Entries written before 0015_audit_summary_keys have no summary key, so the UI showed their English
-- words. Fill the key and parameters where the hashed English summary is exactly what a template of
-- the entry's feature writes (audit_summary_key/_params: electron/db/migration-functions.ts, reading
-- common/audit-texts/parse.ts); others stay without. The hashed columns are not touched, so the
-- chain verifies as before. The append-only trigger steps aside inside this migration's transaction.
DROP TRIGGER `audit_log_no_update`;
--> statement-breakpoint
UPDATE `audit_log`
   SET `summary_key` = audit_summary_key(`operation`, `summary`),
       `summary_params` = audit_summary_params(`operation`, `summary`)
 WHERE `summary_key` IS NULL AND audit_summary_key(`operation`, `summary`) IS NOT NULL;
--> statement-breakpoint
CREATE TRIGGER `audit_log_no_update` BEFORE UPDATE ON `audit_log`
BEGIN
	SELECT RAISE(ABORT, 'audit_log is append-only: entries cannot be changed');
END;
