-- useradm schema v9 on PostgreSQL: the twin of ../009_identity_providers.sql.
CREATE TABLE identity_providers (
    name            TEXT COLLATE "C" PRIMARY KEY,
    issuer          TEXT COLLATE "C" NOT NULL,
    client_id       TEXT COLLATE "C" NOT NULL,
    client_secret   TEXT COLLATE "C",
    scopes          TEXT COLLATE "C" NOT NULL,
    allowed_domains TEXT COLLATE "C" NOT NULL,
    link_by         TEXT COLLATE "C" NOT NULL CHECK (link_by IN ('verified-email', 'none')),
    mfa_by_amr      BIGINT NOT NULL CHECK (mfa_by_amr IN (0, 1)),
    created_at      BIGINT NOT NULL
);

CREATE TABLE identities (
    issuer        TEXT COLLATE "C" NOT NULL,
    subject       TEXT COLLATE "C" NOT NULL,
    user_id       BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    provider      TEXT COLLATE "C" NOT NULL,
    linked_at     BIGINT NOT NULL,
    last_login_at BIGINT,
    PRIMARY KEY (issuer, subject)
);
CREATE INDEX identities_by_user ON identities(user_id);

ALTER TABLE sessions ADD COLUMN idp TEXT COLLATE "C";
ALTER TABLE sessions ADD COLUMN idp_mfa BIGINT NOT NULL DEFAULT 0;
