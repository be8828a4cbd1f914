-- useradm schema v7: the mail queue also carries security notices (a password changed, a second
-- factor removed, …), each with what it tells in `notice` (JSON, never a secret). SQLite cannot
-- widen a CHECK in place, so the table is made again.
CREATE TABLE mail_queue_v7 (
    id              INTEGER PRIMARY KEY,
    purpose         TEXT NOT NULL CHECK (purpose IN ('verify', 'reset', 'notice')),
    address         TEXT NOT NULL,
    email_canonical TEXT NOT NULL,
    transport       TEXT NOT NULL CHECK (json_valid(transport)),
    created_at      INTEGER NOT NULL,
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NOT NULL,
    claimed_until   INTEGER,
    done_at         INTEGER,
    outcome         TEXT,
    last_error      TEXT,
    notice          TEXT CHECK (notice IS NULL OR json_valid(notice)),
    CHECK ((purpose = 'notice') = (notice IS NOT NULL))
) STRICT;
INSERT INTO mail_queue_v7 (id, purpose, address, email_canonical, transport, created_at, attempts,
                           next_attempt_at, claimed_until, done_at, outcome, last_error)
SELECT id, purpose, address, email_canonical, transport, created_at, attempts,
       next_attempt_at, claimed_until, done_at, outcome, last_error FROM mail_queue;
DROP TABLE mail_queue;
ALTER TABLE mail_queue_v7 RENAME TO mail_queue;
CREATE INDEX mail_queue_waiting ON mail_queue(done_at, next_attempt_at);

-- Where each account has logged in from (host name and OS user of the `login` process), so that a
-- login from anywhere else can be told to the account (notice `new_source`). Seeded from the
-- logins in the audit log, so that the upgrade itself makes no source new.
CREATE TABLE login_sources (
    user_id  INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    host     TEXT NOT NULL,
    os_user  TEXT NOT NULL,
    first_at INTEGER NOT NULL,
    PRIMARY KEY (user_id, host, os_user)
) STRICT;
INSERT OR IGNORE INTO login_sources (user_id, host, os_user, first_at)
SELECT a.actor_id, json_extract(a.detail, '$.where.host'), json_extract(a.detail, '$.where.os_user'), min(a.at)
  FROM audit_events a JOIN users u ON u.id = a.actor_id
 WHERE a.event = 'login.ok' AND json_valid(a.detail)
   AND json_type(a.detail, '$.where.host') = 'text' AND json_type(a.detail, '$.where.os_user') = 'text'
 GROUP BY 1, 2, 3;

-- The session that began a pending enrolment: only it is offered the pending secret again (a
-- secret begun by someone else who knew the password must never be the one its owner scans).
ALTER TABLE totp ADD COLUMN session_id TEXT;
