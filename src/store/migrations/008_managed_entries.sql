-- useradm schema v8: which entries a declared-state file (`useradm apply`) manages. A mark names
-- the owner of the file and the entry's id, so that a managed account that changes its address
-- is still the same entry; `declared` is the address the file last gave it. A deleted entry
-- takes its mark with it.
CREATE TABLE managed_users (
    user_id   INTEGER PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
    owner     TEXT NOT NULL,
    declared  TEXT NOT NULL,
    marked_at INTEGER NOT NULL
) STRICT;
CREATE UNIQUE INDEX managed_users_declared ON managed_users(owner, declared);

CREATE TABLE managed_roles (
    role_id   INTEGER PRIMARY KEY REFERENCES roles(id) ON DELETE CASCADE,
    owner     TEXT NOT NULL,
    marked_at INTEGER NOT NULL
) STRICT;
