ALTER TABLE `officers` ADD `version` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `sls` ADD `version` integer DEFAULT 1 NOT NULL;