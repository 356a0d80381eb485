CREATE TABLE `sls_master_stamp` (
	`id` integer PRIMARY KEY NOT NULL,
	`stamp` integer NOT NULL
);
--> statement-breakpoint
DROP INDEX `households_officer_idx`;--> statement-breakpoint
DROP INDEX `progress_sls_day_day_idx`;
--> statement-breakpoint
INSERT INTO `sls_master_stamp` (`id`, `stamp`) VALUES (1, random());
--> statement-breakpoint
CREATE TRIGGER sls_master_insert AFTER INSERT ON sls BEGIN
  UPDATE sls_master_stamp SET stamp = random() WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER sls_master_delete AFTER DELETE ON sls BEGIN
  UPDATE sls_master_stamp SET stamp = random() WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER sls_master_rename AFTER UPDATE OF sls_id ON sls WHEN OLD.sls_id IS NOT NEW.sls_id BEGIN
  UPDATE sls_master_stamp SET stamp = random() WHERE id = 1;
END;
--> statement-breakpoint
-- The writers of households now keep progress_sls_day themselves, once per package (a trigger per
-- row cost more than the insert it followed).
DROP TRIGGER progress_households_insert;
--> statement-breakpoint
DROP TRIGGER progress_households_delete;
--> statement-breakpoint
DROP TRIGGER progress_households_update;
--> statement-breakpoint
-- Visit days in the office's zone (from its province, as common/time-zone.ts says): WITA for Bali,
-- Nusa Tenggara, Kalimantan Selatan/Timur/Utara and Sulawesi; WIT for Maluku and Papua; else WIB.
-- The table becomes WITHOUT ROWID: its primary key is the only b-tree an upsert touches.
CREATE TABLE `progress_sls_day_new` (
	`sls_id` text NOT NULL,
	`day` text NOT NULL,
	`status` text NOT NULL,
	`households` integer NOT NULL,
	`members` integer NOT NULL,
	PRIMARY KEY(`sls_id`, `day`, `status`)
) WITHOUT ROWID;
--> statement-breakpoint
INSERT INTO progress_sls_day_new (sls_id, day, status, households, members)
SELECT sls_id,
       date(visited_at, coalesce((
         SELECT CASE
                  WHEN substr(value, 2, 2) IN ('51', '52', '53', '63', '64', '65', '71', '72', '73', '74', '75', '76') THEN '+480 minutes'
                  WHEN substr(value, 2, 2) IN ('81', '82', '91', '92', '93', '94', '95', '96') THEN '+540 minutes'
                  ELSE '+420 minutes'
                END
           FROM settings WHERE key = 'office.kabupaten'), '+420 minutes')),
       status, count(*), sum(members)
  FROM households GROUP BY 1, 2, 3;
--> statement-breakpoint
DROP TABLE progress_sls_day;
--> statement-breakpoint
ALTER TABLE progress_sls_day_new RENAME TO progress_sls_day;
