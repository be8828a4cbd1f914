-- useradm schema v8 on PostgreSQL: the twin of ../008_managed_entries.sql.
CREATE TABLE managed_users (
    user_id   BIGINT PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
    owner     TEXT COLLATE "C" NOT NULL,
    declared  TEXT COLLATE "C" NOT NULL,
    marked_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX managed_users_declared ON managed_users(owner, declared);

CREATE TABLE managed_roles (
    role_id   BIGINT PRIMARY KEY REFERENCES roles(id) ON DELETE CASCADE,
    owner     TEXT COLLATE "C" NOT NULL,
    marked_at BIGINT NOT NULL
);
