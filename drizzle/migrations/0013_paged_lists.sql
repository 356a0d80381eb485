CREATE INDEX `sls_nama_idx` ON `sls` (`nama`,`sls_id`);--> statement-breakpoint
CREATE INDEX `sls_perkiraan_kk_idx` ON `sls` (`perkiraan_kk`,`sls_id`);