-- useradm schema v6: a session's idle deadline, fixed each time the session is used, so that
-- raising session.idle later never revives a session that had already expired. NULL for the
-- sessions of before: their deadline is their last use plus the current setting until next use.
ALTER TABLE sessions ADD COLUMN idle_until INTEGER;
