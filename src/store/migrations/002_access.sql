-- useradm schema v2: API tokens and pending email changes.

CREATE TABLE api_tokens (
    id           TEXT PRIMARY KEY,
    name         TEXT NOT NULL,
    token_sha256 TEXT NOT NULL UNIQUE,
    user_id      INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    permissions  TEXT NOT NULL CHECK (json_valid(permissions) AND json_type(permissions) = 'array'),
    created_at   INTEGER NOT NULL,
    expires_at   INTEGER,
    last_used_at INTEGER,
    revoked_at   INTEGER
) STRICT;
CREATE INDEX api_tokens_by_user ON api_tokens(user_id);

ALTER TABLE users ADD COLUMN pending_email TEXT;
ALTER TABLE users ADD COLUMN pending_email_canonical TEXT;
CREATE UNIQUE INDEX users_by_pending_email ON users(pending_email_canonical) WHERE pending_email_canonical IS NOT NULL;
CREATE INDEX users_by_status ON users(status);
CREATE INDEX audit_events_by_at ON audit_events(at);
