-- Keeps progress_sls_day (households per SLS, visit day and status) exact whatever writes households.
INSERT INTO progress_sls_day (sls_id, day, status, households, members)
SELECT sls_id, substr(visited_at, 1, 10), status, count(*), sum(members) FROM households GROUP BY 1, 2, 3;
--> statement-breakpoint
CREATE TRIGGER progress_households_insert AFTER INSERT ON households BEGIN
  INSERT INTO progress_sls_day (sls_id, day, status, households, members)
  VALUES (NEW.sls_id, substr(NEW.visited_at, 1, 10), NEW.status, 1, NEW.members)
  ON CONFLICT (sls_id, day, status) DO UPDATE SET households = households + 1, members = members + excluded.members;
END;
--> statement-breakpoint
CREATE TRIGGER progress_households_delete AFTER DELETE ON households BEGIN
  UPDATE progress_sls_day SET households = households - 1, members = members - OLD.members
   WHERE sls_id = OLD.sls_id AND day = substr(OLD.visited_at, 1, 10) AND status = OLD.status;
  DELETE FROM progress_sls_day
   WHERE sls_id = OLD.sls_id AND day = substr(OLD.visited_at, 1, 10) AND status = OLD.status AND households <= 0;
END;
--> statement-breakpoint
CREATE TRIGGER progress_households_update AFTER UPDATE OF sls_id, status, visited_at, members ON households
WHEN OLD.sls_id IS NOT NEW.sls_id OR OLD.status IS NOT NEW.status OR substr(OLD.visited_at, 1, 10) IS NOT substr(NEW.visited_at, 1, 10) OR OLD.members IS NOT NEW.members
BEGIN
  UPDATE progress_sls_day SET households = households - 1, members = members - OLD.members
   WHERE sls_id = OLD.sls_id AND day = substr(OLD.visited_at, 1, 10) AND status = OLD.status;
  DELETE FROM progress_sls_day
   WHERE sls_id = OLD.sls_id AND day = substr(OLD.visited_at, 1, 10) AND status = OLD.status AND households <= 0;
  INSERT INTO progress_sls_day (sls_id, day, status, households, members)
  VALUES (NEW.sls_id, substr(NEW.visited_at, 1, 10), NEW.status, 1, NEW.members)
  ON CONFLICT (sls_id, day, status) DO UPDATE SET households = households + 1, members = members + excluded.members;
END;
