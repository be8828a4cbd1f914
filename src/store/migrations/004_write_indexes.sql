-- useradm schema v4: drop indexes that no query can use and every write paid for.
-- audit --email compares lower(actor) and lower(target), which these plain indexes cannot serve;
-- users list filters status with "?2 IS NULL OR status = ?2" and the admin count goes through
-- user_roles. Each was one more B-tree insert per account imported and per audit event.
DROP INDEX IF EXISTS audit_events_by_target;
DROP INDEX IF EXISTS audit_events_by_actor;
DROP INDEX IF EXISTS users_by_status;
