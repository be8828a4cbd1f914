-- The database roles of a useradm store on PostgreSQL. Run as the owner (the role that ran
-- `useradm init`) in the useradm database, after `init` and again after every upgrade's `init`:
--
--   psql "postgres://OWNER@HOST/DBNAME" -v ON_ERROR_STOP=1 -f docs/postgres-roles.sql
--
-- Rename useradm_app and useradm_readonly here if your roles are called otherwise. The roles must
-- exist (CREATE ROLE useradm_app LOGIN; CREATE ROLE useradm_readonly LOGIN;) and be given
-- passwords or certificates as your server's pg_hba.conf requires.
--
-- useradm_app: what every command but `init`, `db copy` and `restore` needs. Data only, no DDL; the audit
-- trail may be read and appended to, never changed or deleted.

GRANT USAGE ON SCHEMA public TO useradm_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON
    meta, users, roles, role_permissions, user_roles, sessions, login_failures,
    one_time_codes, settings, api_tokens, totp, recovery_codes, mail_queue, login_sources,
    managed_users, managed_roles, identity_providers, identities, managed_providers
    TO useradm_app;
GRANT SELECT, INSERT ON audit_events TO useradm_app;
-- UPDATE: an import gives ids to many accounts at once, then moves the sequence past them.
GRANT USAGE, UPDATE ON ALL SEQUENCES IN SCHEMA public TO useradm_app;
REVOKE UPDATE, DELETE, TRUNCATE ON audit_events FROM useradm_app;

-- useradm_readonly: reports and dashboards. It reads every table but the secrets: not the TOTP
-- secrets (a column grant leaves `totp.secret` out), and not the settings that hold secrets
-- (settings are key/value rows, so it reads them through a view that leaves those rows out).
-- Password, code and token hashes stay readable: they are what an audit of hash strength needs,
-- and none of them can be used to log in.

GRANT USAGE ON SCHEMA public TO useradm_readonly;
GRANT SELECT ON
    meta, users, roles, role_permissions, user_roles, sessions, login_failures,
    one_time_codes, audit_events, api_tokens, recovery_codes, mail_queue, login_sources,
    managed_users, managed_roles, identities, managed_providers
    TO useradm_readonly;
GRANT SELECT (name, issuer, client_id, scopes, allowed_domains, link_by, mfa_by_amr, created_at)
    ON identity_providers TO useradm_readonly;
GRANT SELECT (user_id, confirmed_at, last_step, created_at) ON totp TO useradm_readonly;
CREATE OR REPLACE VIEW settings_public AS
    SELECT key, value, updated_at FROM settings WHERE key NOT IN ('mail.smtp_password');
GRANT SELECT ON settings_public TO useradm_readonly;
