CREATE TABLE `asn_sp_online` (
	`employee_id` integer PRIMARY KEY NOT NULL,
	`completed_at` text NOT NULL,
	`marked_by` text NOT NULL,
	FOREIGN KEY (`employee_id`) REFERENCES `employees`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `declaration_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`date` text NOT NULL,
	`place` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`document_id` integer,
	`created_at` text NOT NULL,
	FOREIGN KEY (`document_id`) REFERENCES `integrity_files`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `declaration_opd` (
	`event_id` integer NOT NULL,
	`opd_kode` text NOT NULL,
	PRIMARY KEY(`event_id`, `opd_kode`),
	FOREIGN KEY (`event_id`) REFERENCES `declaration_events`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`opd_kode`) REFERENCES `opd`(`kode`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `declaration_opd_opd_idx` ON `declaration_opd` (`opd_kode`);--> statement-breakpoint
CREATE TABLE `declaration_witnesses` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`event_id` integer NOT NULL,
	`nama` text NOT NULL,
	`jabatan` text NOT NULL,
	FOREIGN KEY (`event_id`) REFERENCES `declaration_events`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `employee_transfers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`employee_id` integer NOT NULL,
	`from_opd` text NOT NULL,
	`to_opd` text NOT NULL,
	`date` text NOT NULL,
	FOREIGN KEY (`employee_id`) REFERENCES `employees`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`from_opd`) REFERENCES `opd`(`kode`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`to_opd`) REFERENCES `opd`(`kode`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `employee_transfers_employee_idx` ON `employee_transfers` (`employee_id`);--> statement-breakpoint
CREATE TABLE `employees` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`nip` text,
	`nama` text NOT NULL,
	`jabatan` text DEFAULT '' NOT NULL,
	`status` text NOT NULL,
	`opd_kode` text NOT NULL,
	`opd_since` text NOT NULL,
	`left_at` text,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`opd_kode`) REFERENCES `opd`(`kode`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `employees_nip_unique` ON `employees` (`nip`);--> statement-breakpoint
CREATE INDEX `employees_opd_idx` ON `employees` (`opd_kode`);--> statement-breakpoint
CREATE TABLE `integrity_files` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`sha256` text NOT NULL,
	`name` text NOT NULL,
	`size` integer NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `lke_answers` (
	`opd_kode` text NOT NULL,
	`year` integer NOT NULL,
	`item_id` integer NOT NULL,
	`achievement` real NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`opd_kode`, `year`, `item_id`),
	FOREIGN KEY (`opd_kode`) REFERENCES `opd`(`kode`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`item_id`) REFERENCES `lke_items`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "lke_answers_range" CHECK("lke_answers"."achievement" BETWEEN 0 AND 100)
);
--> statement-breakpoint
CREATE TABLE `lke_evidence` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`opd_kode` text NOT NULL,
	`year` integer NOT NULL,
	`item_id` integer NOT NULL,
	`file_id` integer NOT NULL,
	FOREIGN KEY (`opd_kode`) REFERENCES `opd`(`kode`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`item_id`) REFERENCES `lke_items`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`file_id`) REFERENCES `integrity_files`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `lke_evidence_idx` ON `lke_evidence` (`opd_kode`,`year`,`item_id`);--> statement-breakpoint
CREATE TABLE `lke_items` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`part` text NOT NULL,
	`nama` text NOT NULL,
	`weight` real NOT NULL,
	`sort_order` integer NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	CONSTRAINT "lke_items_weight_range" CHECK("lke_items"."weight" >= 0 AND "lke_items"."weight" <= 100)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `lke_items_code_unique` ON `lke_items` (`code`);--> statement-breakpoint
CREATE TABLE `lke_pass_marks` (
	`predicate` text PRIMARY KEY NOT NULL,
	`min_total` real NOT NULL,
	`min_pengungkit` real NOT NULL,
	`version` integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE `opd` (
	`kode` text PRIMARY KEY NOT NULL,
	`nama` text NOT NULL,
	`jenis` text NOT NULL,
	`kepala` text,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `opd_nama_unique` ON `opd` (`nama`);--> statement-breakpoint
CREATE TABLE `pacts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`employee_id` integer NOT NULL,
	`opd_kode` text NOT NULL,
	`signed_at` text NOT NULL,
	`event_id` integer,
	`scan_id` integer,
	`status` text NOT NULL,
	`end_reason` text,
	`replaced_by` integer,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	FOREIGN KEY (`employee_id`) REFERENCES `employees`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`opd_kode`) REFERENCES `opd`(`kode`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`event_id`) REFERENCES `declaration_events`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`scan_id`) REFERENCES `integrity_files`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `pacts_one_active` ON `pacts` (`employee_id`,`opd_kode`) WHERE "pacts"."status" = 'active';--> statement-breakpoint
CREATE INDEX `pacts_opd_idx` ON `pacts` (`opd_kode`,`status`);--> statement-breakpoint
CREATE TABLE `zi_requirements` (
	`opd_kode` text NOT NULL,
	`year` integer NOT NULL,
	`audit_opinion` text,
	`sakip_grade` text,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`opd_kode`, `year`),
	FOREIGN KEY (`opd_kode`) REFERENCES `opd`(`kode`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `zi_stage_documents` (
	`stage_id` integer NOT NULL,
	`file_id` integer NOT NULL,
	PRIMARY KEY(`stage_id`, `file_id`),
	FOREIGN KEY (`stage_id`) REFERENCES `zi_stages`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`file_id`) REFERENCES `integrity_files`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `zi_stages` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`opd_kode` text NOT NULL,
	`stage` text NOT NULL,
	`date` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`tpi_score` real,
	`predicate` text,
	`decree_number` text,
	`decree_date` text,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	FOREIGN KEY (`opd_kode`) REFERENCES `opd`(`kode`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `zi_stages_opd_idx` ON `zi_stages` (`opd_kode`,`id`);