-- useradm schema v6 on PostgreSQL: the twin of ../006_session_deadlines.sql.
ALTER TABLE sessions ADD COLUMN idle_until BIGINT;
ALTER TABLE api_tokens ADD COLUMN notified_at BIGINT;
ALTER TABLE users ADD COLUMN must_change_password BIGINT NOT NULL DEFAULT 0;
