-- useradm schema v5: when a session last proved its password, and the mail sent after answering.

-- Set by login and by each fresh proof of the password: changing one's own credentials (API
-- tokens, a second factor, one's email) needs a proof of the last 5 minutes.
ALTER TABLE sessions ADD COLUMN authenticated_at INTEGER;
UPDATE sessions SET authenticated_at = created_at;

-- Mail a command promised without waiting for it (reset requests, verify --resend): the intent,
-- written in the request's transaction the same way whether the account exists or not, and
-- delivered after the answer. Never a code: the deliverer makes and hashes one per attempt.
CREATE TABLE mail_queue (
    id              INTEGER PRIMARY KEY,
    purpose         TEXT NOT NULL CHECK (purpose IN ('verify', 'reset')),
    address         TEXT NOT NULL,
    email_canonical TEXT NOT NULL,
    transport       TEXT NOT NULL CHECK (json_valid(transport)),
    created_at      INTEGER NOT NULL,
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NOT NULL,
    claimed_until   INTEGER,
    done_at         INTEGER,
    outcome         TEXT,
    last_error      TEXT
) STRICT;
CREATE INDEX mail_queue_waiting ON mail_queue(done_at, next_attempt_at);
