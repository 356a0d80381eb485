CREATE TABLE `sls_last_sync` (
	`sls_id` text PRIMARY KEY NOT NULL,
	`import_id` integer NOT NULL,
	`imported_at` text NOT NULL,
	FOREIGN KEY (`import_id`) REFERENCES `sync_imports`(`id`) ON UPDATE no action ON DELETE no action
);
