CREATE TABLE `sync_conflicts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`household_id` text NOT NULL,
	`sls_id` text NOT NULL,
	`revision` integer NOT NULL,
	`import_id` integer NOT NULL,
	`state` text DEFAULT 'open' NOT NULL,
	`stored_status` text NOT NULL,
	`stored_members` integer NOT NULL,
	`stored_male` integer NOT NULL,
	`stored_female` integer NOT NULL,
	`stored_visited_at` text NOT NULL,
	`stored_officer_code` text NOT NULL,
	`stored_package_id` text NOT NULL,
	`incoming_status` text NOT NULL,
	`incoming_members` integer NOT NULL,
	`incoming_male` integer NOT NULL,
	`incoming_female` integer NOT NULL,
	`incoming_visited_at` text NOT NULL,
	`incoming_officer_code` text NOT NULL,
	`incoming_package_id` text NOT NULL,
	`incoming_flagged` integer NOT NULL,
	`detected_at` text NOT NULL,
	`resolved_at` text,
	`resolved_by` text,
	FOREIGN KEY (`import_id`) REFERENCES `sync_imports`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `sync_conflicts_household_idx` ON `sync_conflicts` (`household_id`,`state`);--> statement-breakpoint
CREATE INDEX `sync_conflicts_state_idx` ON `sync_conflicts` (`state`);--> statement-breakpoint
CREATE TABLE `sync_import_errors` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`import_id` integer NOT NULL,
	`line` integer,
	`field` text,
	`code` text NOT NULL,
	`params` text DEFAULT '{}' NOT NULL,
	`message` text NOT NULL,
	FOREIGN KEY (`import_id`) REFERENCES `sync_imports`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `sync_import_errors_import_idx` ON `sync_import_errors` (`import_id`);--> statement-breakpoint
CREATE TABLE `sync_imports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`file_name` text NOT NULL,
	`package_id` text,
	`officer_code` text,
	`device_id` text,
	`created_at` text,
	`imported_at` text NOT NULL,
	`actor` text NOT NULL,
	`status` text NOT NULL,
	`records` integer,
	`new_count` integer DEFAULT 0 NOT NULL,
	`updated_count` integer DEFAULT 0 NOT NULL,
	`unchanged_count` integer DEFAULT 0 NOT NULL,
	`stale_count` integer DEFAULT 0 NOT NULL,
	`conflict_count` integer DEFAULT 0 NOT NULL,
	`flagged_count` integer DEFAULT 0 NOT NULL,
	`error_count` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sync_imports_one_accepted_per_package` ON `sync_imports` (`package_id`) WHERE "sync_imports"."status" = 'imported';--> statement-breakpoint
CREATE INDEX `sync_imports_imported_at_idx` ON `sync_imports` (`imported_at`);--> statement-breakpoint
CREATE INDEX `sync_imports_officer_idx` ON `sync_imports` (`officer_code`);