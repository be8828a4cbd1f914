-- useradm schema v9: single sign-on. The identity providers of `useradm idp` (the client secret
-- is stored like the secret settings and never shown), the identities (issuer + subject) linked
-- to accounts (one account each), and the provider a session came from.
CREATE TABLE identity_providers (
    name            TEXT PRIMARY KEY,
    issuer          TEXT NOT NULL,
    client_id       TEXT NOT NULL,
    client_secret   TEXT,
    scopes          TEXT NOT NULL,
    allowed_domains TEXT NOT NULL,
    link_by         TEXT NOT NULL CHECK (link_by IN ('verified-email', 'none')),
    mfa_by_amr      INTEGER NOT NULL CHECK (mfa_by_amr IN (0, 1)),
    created_at      INTEGER NOT NULL
) STRICT;

CREATE TABLE identities (
    issuer        TEXT NOT NULL,
    subject       TEXT NOT NULL,
    user_id       INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    provider      TEXT NOT NULL,
    linked_at     INTEGER NOT NULL,
    last_login_at INTEGER,
    PRIMARY KEY (issuer, subject)
) STRICT;
CREATE INDEX identities_by_user ON identities(user_id);

ALTER TABLE sessions ADD COLUMN idp TEXT;
-- Whether that provider vouched for a second factor (its `amr`), where it is trusted to.
ALTER TABLE sessions ADD COLUMN idp_mfa INTEGER NOT NULL DEFAULT 0;
