CREATE TABLE `jemput_bola_sessions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`tanggal` text NOT NULL,
	`desa_kode` text NOT NULL,
	`tempat` text NOT NULL,
	`petugas` text NOT NULL,
	`kk_dibantu` integer NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`desa_kode`) REFERENCES `desa`(`kode`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `jemput_bola_desa_idx` ON `jemput_bola_sessions` (`desa_kode`,`tanggal`);--> statement-breakpoint
CREATE TABLE `participation_targets` (
	`kode` text PRIMARY KEY NOT NULL,
	`target_pct` real NOT NULL,
	`updated_at` text NOT NULL,
	CONSTRAINT "participation_targets_pct_range" CHECK("participation_targets"."target_pct" BETWEEN 0 AND 100)
);
--> statement-breakpoint
CREATE TABLE `population_baseline` (
	`desa_kode` text PRIMARY KEY NOT NULL,
	`kk` integer NOT NULL,
	`penduduk` integer NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`desa_kode`) REFERENCES `desa`(`kode`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `sp_online_daily` (
	`tanggal` text NOT NULL,
	`desa_kode` text NOT NULL,
	`kk_online` integer NOT NULL,
	`penduduk_online` integer NOT NULL,
	`imported_at` text NOT NULL,
	PRIMARY KEY(`desa_kode`, `tanggal`),
	FOREIGN KEY (`desa_kode`) REFERENCES `desa`(`kode`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `sp_online_daily_tanggal_idx` ON `sp_online_daily` (`tanggal`);--> statement-breakpoint
CREATE TABLE `progress_sls_day` (
	`sls_id` text NOT NULL,
	`day` text NOT NULL,
	`status` text NOT NULL,
	`households` integer NOT NULL,
	`members` integer NOT NULL,
	PRIMARY KEY(`sls_id`, `day`, `status`)
);
--> statement-breakpoint
CREATE INDEX `progress_sls_day_day_idx` ON `progress_sls_day` (`day`);