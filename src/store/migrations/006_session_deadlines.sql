-- useradm schema v6: a session's idle deadline, fixed each time the session is used, so that
-- raising session.idle later never revives a session that had already expired. NULL for the
-- sessions of before: their deadline is their last use plus the current setting until next use.
ALTER TABLE sessions ADD COLUMN idle_until INTEGER;

-- When the owner of an API token was told it expires within 7 days (one mail per token).
ALTER TABLE api_tokens ADD COLUMN notified_at INTEGER;

-- A password an administrator set (or a generated one) that its user must change before anything
-- else: 1 until `passwd` clears it.
ALTER TABLE users ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 0;

-- An account's validity window (NULL: open on that side), and when it last authenticated in any
-- way (login, authenticate, PAM, checkpassword, an API token), for access reviews.
ALTER TABLE users ADD COLUMN valid_from INTEGER;
ALTER TABLE users ADD COLUMN expires_at INTEGER;
ALTER TABLE users ADD COLUMN last_authenticated_at INTEGER;
UPDATE users SET last_authenticated_at = last_login_at;

-- When the password was last set (password.max_age counts from it): for passwords set before
-- this schema, from the migration, so that turning the setting on forces no one at once.
ALTER TABLE users ADD COLUMN password_changed_at INTEGER;
UPDATE users SET password_changed_at = unixepoch() WHERE password_hash IS NOT NULL;
