-- useradm schema v7 on PostgreSQL: the twin of ../007_security_notices.sql.
ALTER TABLE mail_queue DROP CONSTRAINT mail_queue_purpose_check;
ALTER TABLE mail_queue ADD CONSTRAINT mail_queue_purpose_check
    CHECK (purpose IN ('verify', 'reset', 'notice'));
ALTER TABLE mail_queue ADD COLUMN notice TEXT COLLATE "C" CHECK (notice IS NULL OR notice::jsonb IS NOT NULL);
ALTER TABLE mail_queue ADD CONSTRAINT mail_queue_notice_with_purpose CHECK ((purpose = 'notice') = (notice IS NOT NULL));

CREATE TABLE login_sources (
    user_id  BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    host     TEXT COLLATE "C" NOT NULL,
    os_user  TEXT COLLATE "C" NOT NULL,
    first_at BIGINT NOT NULL,
    PRIMARY KEY (user_id, host, os_user)
);
INSERT INTO login_sources (user_id, host, os_user, first_at)
SELECT a.actor_id, a.detail::jsonb #>> '{where,host}', a.detail::jsonb #>> '{where,os_user}', min(a.at)
  FROM audit_events a JOIN users u ON u.id = a.actor_id
 WHERE a.event = 'login.ok'
   AND jsonb_typeof(a.detail::jsonb #> '{where,host}') = 'string'
   AND jsonb_typeof(a.detail::jsonb #> '{where,os_user}') = 'string'
 GROUP BY 1, 2, 3
ON CONFLICT DO NOTHING;

ALTER TABLE totp ADD COLUMN session_id TEXT COLLATE "C";
