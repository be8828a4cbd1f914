-- useradm schema v10: which identity providers a declared-state file (`useradm apply`) manages,
-- as managed_roles says it of roles. A provider's name is its key and never changes; a removed
-- provider takes its mark with it.
CREATE TABLE managed_providers (
    name      TEXT PRIMARY KEY REFERENCES identity_providers(name) ON DELETE CASCADE,
    owner     TEXT NOT NULL,
    marked_at INTEGER NOT NULL
) STRICT;
