-- useradm schema v10 on PostgreSQL: the twin of ../010_managed_providers.sql.
CREATE TABLE managed_providers (
    name      TEXT COLLATE "C" PRIMARY KEY REFERENCES identity_providers(name) ON DELETE CASCADE,
    owner     TEXT COLLATE "C" NOT NULL,
    marked_at BIGINT NOT NULL
);
