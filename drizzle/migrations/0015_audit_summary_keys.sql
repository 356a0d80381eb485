ALTER TABLE `audit_log` ADD `summary_key` text;--> statement-breakpoint
ALTER TABLE `audit_log` ADD `summary_params` text;