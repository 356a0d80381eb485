-- Fills sls_last_sync for households imported before it existed: per SLS, the latest accepted
-- package that a stored household came from (SQLite takes i.id from the row holding the max).
INSERT INTO sls_last_sync (sls_id, import_id, imported_at)
SELECT h.sls_id, i.id, max(i.imported_at)
  FROM households h
  JOIN sync_imports i ON i.package_id = h.package_id AND i.status = 'imported'
 GROUP BY h.sls_id;
