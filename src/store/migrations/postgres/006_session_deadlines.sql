-- useradm schema v6 on PostgreSQL: the twin of ../006_session_deadlines.sql.
ALTER TABLE sessions ADD COLUMN idle_until BIGINT;
ALTER TABLE api_tokens ADD COLUMN notified_at BIGINT;
ALTER TABLE users ADD COLUMN must_change_password BIGINT NOT NULL DEFAULT 0;
ALTER TABLE users ADD COLUMN valid_from BIGINT;
ALTER TABLE users ADD COLUMN expires_at BIGINT;
ALTER TABLE users ADD COLUMN last_authenticated_at BIGINT;
UPDATE users SET last_authenticated_at = last_login_at;
ALTER TABLE users ADD COLUMN password_changed_at BIGINT;
UPDATE users SET password_changed_at = extract(epoch FROM now())::bigint WHERE password_hash IS NOT NULL;
