CREATE TABLE `assignments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`sls_id` text NOT NULL,
	`officer_kode` text NOT NULL,
	`start_date` text NOT NULL,
	`end_date` text,
	`reason` text,
	`end_reason` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`sls_id`) REFERENCES `sls`(`sls_id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`officer_kode`) REFERENCES `officers`(`kode`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `assignments_one_active_per_sls` ON `assignments` (`sls_id`) WHERE "assignments"."end_date" IS NULL;--> statement-breakpoint
CREATE INDEX `assignments_officer_idx` ON `assignments` (`officer_kode`);--> statement-breakpoint
CREATE TABLE `households` (
	`household_id` text PRIMARY KEY NOT NULL,
	`sls_id` text NOT NULL,
	`status` text NOT NULL,
	`members` integer NOT NULL,
	`male` integer NOT NULL,
	`female` integer NOT NULL,
	`visited_at` text NOT NULL,
	`revision` integer NOT NULL,
	`officer_code` text NOT NULL,
	`package_id` text NOT NULL,
	`flagged` integer DEFAULT false NOT NULL,
	FOREIGN KEY (`sls_id`) REFERENCES `sls`(`sls_id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `households_sls_status_idx` ON `households` (`sls_id`,`status`);--> statement-breakpoint
CREATE INDEX `households_officer_idx` ON `households` (`officer_code`);--> statement-breakpoint
CREATE TABLE `officers` (
	`kode` text PRIMARY KEY NOT NULL,
	`nama` text NOT NULL,
	`peran` text NOT NULL,
	`kecamatan_kode` text NOT NULL,
	`atasan_kode` text,
	`telepon` text,
	`aktif` integer DEFAULT true NOT NULL,
	`mulai` text,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`kecamatan_kode`) REFERENCES `kecamatan`(`kode`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `officers_atasan_idx` ON `officers` (`atasan_kode`);--> statement-breakpoint
CREATE INDEX `officers_kecamatan_idx` ON `officers` (`kecamatan_kode`);--> statement-breakpoint
CREATE TABLE `sls` (
	`sls_id` text PRIMARY KEY NOT NULL,
	`desa_kode` text NOT NULL,
	`nama` text NOT NULL,
	`perkiraan_kk` integer NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`desa_kode`) REFERENCES `desa`(`kode`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "sls_perkiraan_kk_range" CHECK("sls"."perkiraan_kk" BETWEEN 0 AND 2000)
);
--> statement-breakpoint
CREATE INDEX `sls_desa_idx` ON `sls` (`desa_kode`);--> statement-breakpoint
CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` text NOT NULL,
	`actor` text NOT NULL,
	`operation` text NOT NULL,
	`entity` text NOT NULL,
	`entity_id` text,
	`summary` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `audit_log_at_idx` ON `audit_log` (`at`);--> statement-breakpoint
CREATE INDEX `audit_log_entity_idx` ON `audit_log` (`entity`,`entity_id`);--> statement-breakpoint
CREATE TABLE `settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `desa` (
	`kode` text PRIMARY KEY NOT NULL,
	`kecamatan_kode` text NOT NULL,
	`nama` text NOT NULL,
	`jenis` text NOT NULL,
	FOREIGN KEY (`kecamatan_kode`) REFERENCES `kecamatan`(`kode`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `desa_kecamatan_idx` ON `desa` (`kecamatan_kode`);--> statement-breakpoint
CREATE TABLE `kabupaten` (
	`kode` text PRIMARY KEY NOT NULL,
	`nama` text NOT NULL,
	`provinsi_kode` text NOT NULL,
	`provinsi_nama` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `kecamatan` (
	`kode` text PRIMARY KEY NOT NULL,
	`kabupaten_kode` text NOT NULL,
	`nama` text NOT NULL,
	FOREIGN KEY (`kabupaten_kode`) REFERENCES `kabupaten`(`kode`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `kecamatan_kabupaten_idx` ON `kecamatan` (`kabupaten_kode`);