
use builtin;
use str;

set edit:completion:arg-completer[useradm] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'useradm'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'useradm'= {
            cand --db 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user''s data folder, e.g. ~/.local/share/useradm/useradm.db]'
            cand --color 'When to use colour'
            cand --json 'Print exactly one JSON document on stdout (errors as JSON on stderr)'
            cand -q 'Print only what was asked for: no hints or notices on stderr'
            cand --quiet 'Print only what was asked for: no hints or notices on stderr'
            cand --no-input 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand init 'Create or migrate the database; optionally create the first administrator'
            cand register 'Create an account and send its email verification code'
            cand verify 'Confirm an email address with the emailed code, or send a fresh code'
            cand login 'Check a password and open a session for the following commands'
            cand authenticate 'Check credentials only (exit 0 or 3), without opening a session'
            cand logout 'End this session (always succeeds); --all ends every session of the user'
            cand whoami 'Show the logged-in user, roles, permissions and session expiry'
            cand passwd 'Change your own password; ends your other sessions'
            cand reset 'Ask for a password reset code, or set a new password with one'
            cand grant 'Give roles to a user (needs roles.grant and every permission of the roles)'
            cand revoke 'Take roles from a user (needs roles.grant and every permission of the roles)'
            cand check 'Exit 0 when you (or --email) hold every role and permission named, 5 when not'
            cand roles 'Manage roles and their permissions (needs roles.manage)'
            cand users 'List, show and manage accounts (needs users.read / users.manage)'
            cand sessions 'List and end login sessions (others'' need sessions.manage)'
            cand tokens 'API tokens for CI jobs, used through USERADM_TOKEN'
            cand audit 'Read the security event log and prove its integrity (needs audit.read)'
            cand import 'Create or update accounts from CSV, JSON Lines, a Django database, a shadow or an htpasswd file (needs users.manage)'
            cand apply 'Converge the store to a declared state (settings, identity providers, roles, accounts) from a TOML or JSON file, in one transaction; --dry-run shows the plan, --check exits 13 on drift'
            cand export 'Write every account (profile, roles, status, email_verified; never a hash) to stdout'
            cand config 'Read and change the policy settings (needs settings.manage)'
            cand 2fa 'A second factor (TOTP) for your account, with recovery codes'
            cand mail 'Mail sent after answering (reset and verification codes): what waits, and sending it now (needs settings.manage)'
            cand backup 'Write a consistent copy of the whole store (every secret it holds) to a new SQLite file, prove it, and print the audit head it holds (needs settings.manage)'
            cand restore 'Replace the store with a backup whose audit chain verifies up to HASH; ends every session and revokes the API tokens'
            cand idp 'Identity providers for single sign-on (`login --idp`) (needs settings.manage)'
            cand db 'The database itself: copy it to a new file or server (needs settings.manage)'
            cand doctor 'Check the store and what it depends on, one line per check (ok, warning, problem or skipped) with the fix for each that is not ok (needs settings.manage)'
            cand checkpassword 'The checkpassword interface (qmail and its family): reads `user\0password\0timestamp\0` from file descriptor 3; runs PROG with USER and HOME set when the password is right, else exits 1 (2: misuse, 111: a temporary failure)'
            cand completions 'Print the shell completion script for SHELL to stdout'
            cand man 'Write the man pages (useradm.1 and one per command) into a folder'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'useradm;init'= {
            cand --admin 'Also create the first administrator with this email (verified, role admin)'
            cand --password-file 'Read the password from the first line of a file'
            cand --group 'Share the database with this group of administrators (files 0660, folder 0770)'
            cand --db 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user''s data folder, e.g. ~/.local/share/useradm/useradm.db]'
            cand --color 'When to use colour'
            cand --password-stdin 'Read the password from the first line of standard input'
            cand --exists-ok 'Succeed when an administrator already exists'
            cand --json 'Print exactly one JSON document on stdout (errors as JSON on stderr)'
            cand -q 'Print only what was asked for: no hints or notices on stderr'
            cand --quiet 'Print only what was asked for: no hints or notices on stderr'
            cand --no-input 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'useradm;register'= {
            cand --email 'Email address of the new account (asked on a terminal when missing)'
            cand --first-name 'First name'
            cand --last-name 'Last name'
            cand --attr 'Extra attribute stored with the account (repeatable)'
            cand --password-file 'Read the password from the first line of a file'
            cand --role 'Give a role to the new account (needs users.manage and every permission of the role)'
            cand --db 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user''s data folder, e.g. ~/.local/share/useradm/useradm.db]'
            cand --color 'When to use colour'
            cand --password-stdin 'Read the password from the first line of standard input'
            cand --generate-password 'Generate a strong password and print it once'
            cand --verified 'Mark the email as verified and send no code (needs users.manage)'
            cand --exists-ok 'Succeed without changes when the email is already registered'
            cand --json 'Print exactly one JSON document on stdout (errors as JSON on stderr)'
            cand -q 'Print only what was asked for: no hints or notices on stderr'
            cand --quiet 'Print only what was asked for: no hints or notices on stderr'
            cand --no-input 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'useradm;verify'= {
            cand --email 'Email address to confirm (asked on a terminal when missing)'
            cand --code 'code'
            cand --db 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user''s data folder, e.g. ~/.local/share/useradm/useradm.db]'
            cand --color 'When to use colour'
            cand --code-stdin 'Read the code from the first line of standard input (else it is asked on a terminal)'
            cand --resend 'Send a fresh code instead (the older one stops working)'
            cand --json 'Print exactly one JSON document on stdout (errors as JSON on stderr)'
            cand -q 'Print only what was asked for: no hints or notices on stderr'
            cand --quiet 'Print only what was asked for: no hints or notices on stderr'
            cand --no-input 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'useradm;login'= {
            cand --email 'Email address (asked on a terminal when missing)'
            cand --idp 'Sign in with this identity provider instead (the device flow: a code to approve in any browser); see `useradm idp`'
            cand --password-file 'Read the password from the first line of a file'
            cand --otp 'otp'
            cand --db 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user''s data folder, e.g. ~/.local/share/useradm/useradm.db]'
            cand --color 'When to use colour'
            cand --password-stdin 'Read the password from the first line of standard input'
            cand --otp-stdin 'Read the authenticator app''s code from standard input (the line after the password, if that comes first)'
            cand --recovery-code-stdin 'Read a recovery code from standard input instead of an app code'
            cand --json 'Print exactly one JSON document on stdout (errors as JSON on stderr)'
            cand -q 'Print only what was asked for: no hints or notices on stderr'
            cand --quiet 'Print only what was asked for: no hints or notices on stderr'
            cand --no-input 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'useradm;authenticate'= {
            cand --email 'Email address'
            cand --email-domain 'With --pam: the domain of a PAM_USER without one (alice -> alice@DOMAIN)'
            cand --password-file 'Read the password from the first line of a file'
            cand --otp 'otp'
            cand --db 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user''s data folder, e.g. ~/.local/share/useradm/useradm.db]'
            cand --color 'When to use colour'
            cand --pam 'Speak pam_exec''s conventions: the user from PAM_USER, the password from standard input (expose_authtok), PAM_TYPE auth or account; every refusal is exit 1 and prints nothing'
            cand --password-stdin 'Read the password from the first line of standard input'
            cand --otp-stdin 'Read the authenticator app''s code from standard input (the line after the password, if that comes first)'
            cand --recovery-code-stdin 'Read a recovery code from standard input instead of an app code'
            cand --json 'Print exactly one JSON document on stdout (errors as JSON on stderr)'
            cand -q 'Print only what was asked for: no hints or notices on stderr'
            cand --quiet 'Print only what was asked for: no hints or notices on stderr'
            cand --no-input 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'useradm;logout'= {
            cand --db 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user''s data folder, e.g. ~/.local/share/useradm/useradm.db]'
            cand --color 'When to use colour'
            cand --all 'End every session of this user, on every machine'
            cand --json 'Print exactly one JSON document on stdout (errors as JSON on stderr)'
            cand -q 'Print only what was asked for: no hints or notices on stderr'
            cand --quiet 'Print only what was asked for: no hints or notices on stderr'
            cand --no-input 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'useradm;whoami'= {
            cand --db 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user''s data folder, e.g. ~/.local/share/useradm/useradm.db]'
            cand --color 'When to use colour'
            cand --json 'Print exactly one JSON document on stdout (errors as JSON on stderr)'
            cand -q 'Print only what was asked for: no hints or notices on stderr'
            cand --quiet 'Print only what was asked for: no hints or notices on stderr'
            cand --no-input 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'useradm;passwd'= {
            cand --db 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user''s data folder, e.g. ~/.local/share/useradm/useradm.db]'
            cand --color 'When to use colour'
            cand --password-stdin 'Read line 1 (current password) and line 2 (new password) from standard input'
            cand --revoke-tokens 'Also revoke your API tokens (asked on a terminal; scripts keep them unless they pass this)'
            cand --json 'Print exactly one JSON document on stdout (errors as JSON on stderr)'
            cand -q 'Print only what was asked for: no hints or notices on stderr'
            cand --quiet 'Print only what was asked for: no hints or notices on stderr'
            cand --no-input 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'useradm;reset'= {
            cand --email 'Email address of the account'
            cand --password-file 'Read the password from the first line of a file'
            cand --code 'code'
            cand --db 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user''s data folder, e.g. ~/.local/share/useradm/useradm.db]'
            cand --color 'When to use colour'
            cand --confirm 'I hold a code: ask for it (and the new password) instead of requesting a new code'
            cand --code-stdin 'Read the code from line 1 of standard input (then the password from the next line); implies --confirm'
            cand --password-stdin 'Read the password from the first line of standard input'
            cand --json 'Print exactly one JSON document on stdout (errors as JSON on stderr)'
            cand -q 'Print only what was asked for: no hints or notices on stderr'
            cand --quiet 'Print only what was asked for: no hints or notices on stderr'
            cand --no-input 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'useradm;grant'= {
            cand --email 'Email address of the user'
            cand --role 'Role to give or take (repeatable)'
            cand --db 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user''s data folder, e.g. ~/.local/share/useradm/useradm.db]'
            cand --color 'When to use colour'
            cand --password-stdin 'Giving a role that holds `*` needs your password proven in the last 5 minutes: read it from standard input (and a second-factor code from the next line, where you have one)'
            cand --json 'Print exactly one JSON document on stdout (errors as JSON on stderr)'
            cand -q 'Print only what was asked for: no hints or notices on stderr'
            cand --quiet 'Print only what was asked for: no hints or notices on stderr'
            cand --no-input 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'useradm;revoke'= {
            cand --email 'Email address of the user'
            cand --role 'Role to give or take (repeatable)'
            cand --db 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user''s data folder, e.g. ~/.local/share/useradm/useradm.db]'
            cand --color 'When to use colour'
            cand --password-stdin 'Giving a role that holds `*` needs your password proven in the last 5 minutes: read it from standard input (and a second-factor code from the next line, where you have one)'
            cand --json 'Print exactly one JSON document on stdout (errors as JSON on stderr)'
            cand -q 'Print only what was asked for: no hints or notices on stderr'
            cand --quiet 'Print only what was asked for: no hints or notices on stderr'
            cand --no-input 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'useradm;check'= {
            cand --role 'A role that must be held (repeatable)'
            cand --permission 'A permission that must be held (repeatable)'
            cand --email 'Check this user instead of yourself (needs users.read)'
            cand --db 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user''s data folder, e.g. ~/.local/share/useradm/useradm.db]'
            cand --color 'When to use colour'
            cand --explain 'Say which role grants each one, or that it is missing'
            cand --json 'Print exactly one JSON document on stdout (errors as JSON on stderr)'
            cand -q 'Print only what was asked for: no hints or notices on stderr'
            cand --quiet 'Print only what was asked for: no hints or notices on stderr'
            cand --no-input 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'useradm;roles'= {
            cand --db 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user''s data folder, e.g. ~/.local/share/useradm/useradm.db]'
            cand --color 'When to use colour'
            cand --json 'Print exactly one JSON document on stdout (errors as JSON on stderr)'
            cand -q 'Print only what was asked for: no hints or notices on stderr'
            cand --quiet 'Print only what was asked for: no hints or notices on stderr'
            cand --no-input 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand list 'List roles with their permissions'
            cand show 'Show one role'
            cand create 'Create a role'
            cand delete 'Delete a role (its holders lose it; asks on a terminal unless --yes)'
            cand allow 'Add permissions to a role'
            cand deny 'Remove permissions from a role'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'useradm;roles;list'= {
            cand --db 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user''s data folder, e.g. ~/.local/share/useradm/useradm.db]'
            cand --color 'When to use colour'
            cand --json 'Print exactly one JSON document on stdout (errors as JSON on stderr)'
            cand -q 'Print only what was asked for: no hints or notices on stderr'
            cand --quiet 'Print only what was asked for: no hints or notices on stderr'
            cand --no-input 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'useradm;roles;show'= {
            cand --db 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user''s data folder, e.g. ~/.local/share/useradm/useradm.db]'
            cand --color 'When to use colour'
            cand --json 'Print exactly one JSON document on stdout (errors as JSON on stderr)'
            cand -q 'Print only what was asked for: no hints or notices on stderr'
            cand --quiet 'Print only what was asked for: no hints or notices on stderr'
            cand --no-input 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'useradm;roles;create'= {
            cand --permission 'Permission of the role (repeatable)'
            cand --description 'What the role is for'
            cand --db 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user''s data folder, e.g. ~/.local/share/useradm/useradm.db]'
            cand --color 'When to use colour'
            cand --exists-ok 'Succeed without changes when the role exists'
            cand --json 'Print exactly one JSON document on stdout (errors as JSON on stderr)'
            cand -q 'Print only what was asked for: no hints or notices on stderr'
            cand --quiet 'Print only what was asked for: no hints or notices on stderr'
            cand --no-input 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'useradm;roles;delete'= {
            cand --db 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user''s data folder, e.g. ~/.local/share/useradm/useradm.db]'
            cand --color 'When to use colour'
            cand --yes 'Do not ask for confirmation'
            cand --json 'Print exactly one JSON document on stdout (errors as JSON on stderr)'
            cand -q 'Print only what was asked for: no hints or notices on stderr'
            cand --quiet 'Print only what was asked for: no hints or notices on stderr'
            cand --no-input 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'useradm;roles;allow'= {
            cand --db 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user''s data folder, e.g. ~/.local/share/useradm/useradm.db]'
            cand --color 'When to use colour'
            cand --password-stdin 'Allowing `*` needs your password proven in the last 5 minutes: read it from standard input (and a second-factor code from the next line, where you have one)'
            cand --json 'Print exactly one JSON document on stdout (errors as JSON on stderr)'
            cand -q 'Print only what was asked for: no hints or notices on stderr'
            cand --quiet 'Print only what was asked for: no hints or notices on stderr'
            cand --no-input 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'useradm;roles;deny'= {
            cand --db 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user''s data folder, e.g. ~/.local/share/useradm/useradm.db]'
            cand --color 'When to use colour'
            cand --json 'Print exactly one JSON document on stdout (errors as JSON on stderr)'
            cand -q 'Print only what was asked for: no hints or notices on stderr'
            cand --quiet 'Print only what was asked for: no hints or notices on stderr'
            cand --no-input 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'useradm;roles;help'= {
            cand list 'List roles with their permissions'
            cand show 'Show one role'
            cand create 'Create a role'
            cand delete 'Delete a role (its holders lose it; asks on a terminal unless --yes)'
            cand allow 'Add permissions to a role'
            cand deny 'Remove permissions from a role'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'useradm;roles;help;list'= {
        }
        &'useradm;roles;help;show'= {
        }
        &'useradm;roles;help;create'= {
        }
        &'useradm;roles;help;delete'= {
        }
        &'useradm;roles;help;allow'= {
        }
        &'useradm;roles;help;deny'= {
        }
        &'useradm;roles;help;help'= {
        }
        &'useradm;users'= {
            cand --db 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user''s data folder, e.g. ~/.local/share/useradm/useradm.db]'
            cand --color 'When to use colour'
            cand --json 'Print exactly one JSON document on stdout (errors as JSON on stderr)'
            cand -q 'Print only what was asked for: no hints or notices on stderr'
            cand --quiet 'Print only what was asked for: no hints or notices on stderr'
            cand --no-input 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand link 'Link an identity of a provider (its subject, `sub`) to an account'
            cand unlink 'Unlink an account''s identities of a provider'
            cand list 'List accounts'
            cand show 'Show one account'
            cand update 'Change names, attributes or the email address (a new address waits for its code)'
            cand disable 'Disable an account: ends its sessions and tokens'
            cand enable 'Enable a disabled account'
            cand unlock 'Lift a lock from failed logins'
            cand reset-2fa 'Remove an account''s second factor (a lost phone)'
            cand set-password 'Set an account''s password: ends its sessions and revokes its API tokens. With --must-change (the default for a generated one) the user must change it first'
            cand delete 'Delete an account (asks on a terminal unless --yes)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'useradm;users;link'= {
            cand --idp 'The provider''s name'
            cand --subject 'The identity''s subject at the provider'
            cand --db 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user''s data folder, e.g. ~/.local/share/useradm/useradm.db]'
            cand --color 'When to use colour'
            cand --json 'Print exactly one JSON document on stdout (errors as JSON on stderr)'
            cand -q 'Print only what was asked for: no hints or notices on stderr'
            cand --quiet 'Print only what was asked for: no hints or notices on stderr'
            cand --no-input 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'useradm;users;unlink'= {
            cand --idp 'The provider''s name'
            cand --db 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user''s data folder, e.g. ~/.local/share/useradm/useradm.db]'
            cand --color 'When to use colour'
            cand --json 'Print exactly one JSON document on stdout (errors as JSON on stderr)'
            cand -q 'Print only what was asked for: no hints or notices on stderr'
            cand --quiet 'Print only what was asked for: no hints or notices on stderr'
            cand --no-input 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'useradm;users;list'= {
            cand --role 'Only holders of this role'
            cand --status 'Only accounts in this state'
            cand --search 'Only accounts whose email or name contains this text'
            cand --inactive 'Only accounts that have not authenticated in any way for this long (90d), or never: for access reviews'
            cand --expiring 'Only accounts whose validity ends within this long (30d)'
            cand --db 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user''s data folder, e.g. ~/.local/share/useradm/useradm.db]'
            cand --color 'When to use colour'
            cand --legacy-hash 'Only accounts whose stored hash is not yet Argon2id at the policy (imported hashes not upgraded by a login: they check at their own cost, and may be expired)'
            cand --json 'Print exactly one JSON document on stdout (errors as JSON on stderr)'
            cand -q 'Print only what was asked for: no hints or notices on stderr'
            cand --quiet 'Print only what was asked for: no hints or notices on stderr'
            cand --no-input 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'useradm;users;show'= {
            cand --db 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user''s data folder, e.g. ~/.local/share/useradm/useradm.db]'
            cand --color 'When to use colour'
            cand --json 'Print exactly one JSON document on stdout (errors as JSON on stderr)'
            cand -q 'Print only what was asked for: no hints or notices on stderr'
            cand --quiet 'Print only what was asked for: no hints or notices on stderr'
            cand --no-input 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'useradm;users;update'= {
            cand --first-name 'New first name'
            cand --last-name 'New last name'
            cand --attr 'Set an attribute (repeatable; an empty value removes it)'
            cand --must-change 'Whether the user must change their password before anything else'
            cand --expires 'The account stops working then: a date, an RFC 3339 time with its offset (2026-12-31T17:00:00Z), a duration from now (90d), or never'
            cand --valid-from 'The account works only from then: a date, an RFC 3339 time with its offset, or now'
            cand --email 'New email address: confirmed by a code sent to it; the old one works until then'
            cand --db 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user''s data folder, e.g. ~/.local/share/useradm/useradm.db]'
            cand --color 'When to use colour'
            cand --password-stdin 'Changing your own address after your session proved your password more than 5 minutes ago: read it again from standard input (a second-factor code from the next line)'
            cand --json 'Print exactly one JSON document on stdout (errors as JSON on stderr)'
            cand -q 'Print only what was asked for: no hints or notices on stderr'
            cand --quiet 'Print only what was asked for: no hints or notices on stderr'
            cand --no-input 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'useradm;users;disable'= {
            cand --db 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user''s data folder, e.g. ~/.local/share/useradm/useradm.db]'
            cand --color 'When to use colour'
            cand --json 'Print exactly one JSON document on stdout (errors as JSON on stderr)'
            cand -q 'Print only what was asked for: no hints or notices on stderr'
            cand --quiet 'Print only what was asked for: no hints or notices on stderr'
            cand --no-input 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'useradm;users;enable'= {
            cand --db 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user''s data folder, e.g. ~/.local/share/useradm/useradm.db]'
            cand --color 'When to use colour'
            cand --json 'Print exactly one JSON document on stdout (errors as JSON on stderr)'
            cand -q 'Print only what was asked for: no hints or notices on stderr'
            cand --quiet 'Print only what was asked for: no hints or notices on stderr'
            cand --no-input 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'useradm;users;unlock'= {
            cand --db 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user''s data folder, e.g. ~/.local/share/useradm/useradm.db]'
            cand --color 'When to use colour'
            cand --json 'Print exactly one JSON document on stdout (errors as JSON on stderr)'
            cand -q 'Print only what was asked for: no hints or notices on stderr'
            cand --quiet 'Print only what was asked for: no hints or notices on stderr'
            cand --no-input 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'useradm;users;reset-2fa'= {
            cand --db 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user''s data folder, e.g. ~/.local/share/useradm/useradm.db]'
            cand --color 'When to use colour'
            cand --json 'Print exactly one JSON document on stdout (errors as JSON on stderr)'
            cand -q 'Print only what was asked for: no hints or notices on stderr'
            cand --quiet 'Print only what was asked for: no hints or notices on stderr'
            cand --no-input 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'useradm;users;set-password'= {
            cand --password-file 'Read the password from the first line of a file'
            cand --must-change 'Whether the user must change it at their next login (default: yes for a generated password, no otherwise)'
            cand --db 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user''s data folder, e.g. ~/.local/share/useradm/useradm.db]'
            cand --color 'When to use colour'
            cand --password-stdin 'Read the password from the first line of standard input'
            cand --generate-password 'Generate a strong password and print it once'
            cand --json 'Print exactly one JSON document on stdout (errors as JSON on stderr)'
            cand -q 'Print only what was asked for: no hints or notices on stderr'
            cand --quiet 'Print only what was asked for: no hints or notices on stderr'
            cand --no-input 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'useradm;users;delete'= {
            cand --db 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user''s data folder, e.g. ~/.local/share/useradm/useradm.db]'
            cand --color 'When to use colour'
            cand --yes 'Do not ask for confirmation'
            cand --json 'Print exactly one JSON document on stdout (errors as JSON on stderr)'
            cand -q 'Print only what was asked for: no hints or notices on stderr'
            cand --quiet 'Print only what was asked for: no hints or notices on stderr'
            cand --no-input 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'useradm;users;help'= {
            cand link 'Link an identity of a provider (its subject, `sub`) to an account'
            cand unlink 'Unlink an account''s identities of a provider'
            cand list 'List accounts'
            cand show 'Show one account'
            cand update 'Change names, attributes or the email address (a new address waits for its code)'
            cand disable 'Disable an account: ends its sessions and tokens'
            cand enable 'Enable a disabled account'
            cand unlock 'Lift a lock from failed logins'
            cand reset-2fa 'Remove an account''s second factor (a lost phone)'
            cand set-password 'Set an account''s password: ends its sessions and revokes its API tokens. With --must-change (the default for a generated one) the user must change it first'
            cand delete 'Delete an account (asks on a terminal unless --yes)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'useradm;users;help;link'= {
        }
        &'useradm;users;help;unlink'= {
        }
        &'useradm;users;help;list'= {
        }
        &'useradm;users;help;show'= {
        }
        &'useradm;users;help;update'= {
        }
        &'useradm;users;help;disable'= {
        }
        &'useradm;users;help;enable'= {
        }
        &'useradm;users;help;unlock'= {
        }
        &'useradm;users;help;reset-2fa'= {
        }
        &'useradm;users;help;set-password'= {
        }
        &'useradm;users;help;delete'= {
        }
        &'useradm;users;help;help'= {
        }
        &'useradm;sessions'= {
            cand --db 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user''s data folder, e.g. ~/.local/share/useradm/useradm.db]'
            cand --color 'When to use colour'
            cand --json 'Print exactly one JSON document on stdout (errors as JSON on stderr)'
            cand -q 'Print only what was asked for: no hints or notices on stderr'
            cand --quiet 'Print only what was asked for: no hints or notices on stderr'
            cand --no-input 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand list 'List your sessions (--all: everyone''s, needs sessions.manage)'
            cand revoke 'End a session by id'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'useradm;sessions;list'= {
            cand --db 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user''s data folder, e.g. ~/.local/share/useradm/useradm.db]'
            cand --color 'When to use colour'
            cand --all 'Every user''s sessions'
            cand --json 'Print exactly one JSON document on stdout (errors as JSON on stderr)'
            cand -q 'Print only what was asked for: no hints or notices on stderr'
            cand --quiet 'Print only what was asked for: no hints or notices on stderr'
            cand --no-input 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'useradm;sessions;revoke'= {
            cand --db 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user''s data folder, e.g. ~/.local/share/useradm/useradm.db]'
            cand --color 'When to use colour'
            cand --json 'Print exactly one JSON document on stdout (errors as JSON on stderr)'
            cand -q 'Print only what was asked for: no hints or notices on stderr'
            cand --quiet 'Print only what was asked for: no hints or notices on stderr'
            cand --no-input 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'useradm;sessions;help'= {
            cand list 'List your sessions (--all: everyone''s, needs sessions.manage)'
            cand revoke 'End a session by id'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'useradm;sessions;help;list'= {
        }
        &'useradm;sessions;help;revoke'= {
        }
        &'useradm;sessions;help;help'= {
        }
        &'useradm;tokens'= {
            cand --db 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user''s data folder, e.g. ~/.local/share/useradm/useradm.db]'
            cand --color 'When to use colour'
            cand --json 'Print exactly one JSON document on stdout (errors as JSON on stderr)'
            cand -q 'Print only what was asked for: no hints or notices on stderr'
            cand --quiet 'Print only what was asked for: no hints or notices on stderr'
            cand --no-input 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand create 'Create a token (printed once) limited to the listed permissions'
            cand list 'List your tokens (--all: everyone''s, needs sessions.manage)'
            cand revoke 'Revoke a token by id'
            cand remind 'Tell the owners of tokens that expire within 7 days, once per token (for a timer; needs sessions.manage)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'useradm;tokens;create'= {
            cand --name 'A name that says where the token is used'
            cand --permission 'Permission the token may use (repeatable, at least one)'
            cand --expires 'Lifetime such as 30d or 12h, or never [default: 90d]'
            cand --db 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user''s data folder, e.g. ~/.local/share/useradm/useradm.db]'
            cand --color 'When to use colour'
            cand --password-stdin 'When the session proved your password more than 5 minutes ago: read it again from standard input (and a second-factor code from the next line, where you have one)'
            cand --json 'Print exactly one JSON document on stdout (errors as JSON on stderr)'
            cand -q 'Print only what was asked for: no hints or notices on stderr'
            cand --quiet 'Print only what was asked for: no hints or notices on stderr'
            cand --no-input 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'useradm;tokens;list'= {
            cand --db 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user''s data folder, e.g. ~/.local/share/useradm/useradm.db]'
            cand --color 'When to use colour'
            cand --all 'Every user''s tokens'
            cand --json 'Print exactly one JSON document on stdout (errors as JSON on stderr)'
            cand -q 'Print only what was asked for: no hints or notices on stderr'
            cand --quiet 'Print only what was asked for: no hints or notices on stderr'
            cand --no-input 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'useradm;tokens;revoke'= {
            cand --db 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user''s data folder, e.g. ~/.local/share/useradm/useradm.db]'
            cand --color 'When to use colour'
            cand --json 'Print exactly one JSON document on stdout (errors as JSON on stderr)'
            cand -q 'Print only what was asked for: no hints or notices on stderr'
            cand --quiet 'Print only what was asked for: no hints or notices on stderr'
            cand --no-input 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'useradm;tokens;remind'= {
            cand --db 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user''s data folder, e.g. ~/.local/share/useradm/useradm.db]'
            cand --color 'When to use colour'
            cand --json 'Print exactly one JSON document on stdout (errors as JSON on stderr)'
            cand -q 'Print only what was asked for: no hints or notices on stderr'
            cand --quiet 'Print only what was asked for: no hints or notices on stderr'
            cand --no-input 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'useradm;tokens;help'= {
            cand create 'Create a token (printed once) limited to the listed permissions'
            cand list 'List your tokens (--all: everyone''s, needs sessions.manage)'
            cand revoke 'Revoke a token by id'
            cand remind 'Tell the owners of tokens that expire within 7 days, once per token (for a timer; needs sessions.manage)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'useradm;tokens;help;create'= {
        }
        &'useradm;tokens;help;list'= {
        }
        &'useradm;tokens;help;revoke'= {
        }
        &'useradm;tokens;help;remind'= {
        }
        &'useradm;tokens;help;help'= {
        }
        &'useradm;audit'= {
            cand --email 'Only events with this email as actor or target'
            cand --since 'Only events since this time (2026-11-28T10:00:00Z) or this long ago (24h)'
            cand --limit 'At most this many of the newest events'
            cand --db 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user''s data folder, e.g. ~/.local/share/useradm/useradm.db]'
            cand --color 'When to use colour'
            cand --json 'Print exactly one JSON document on stdout (errors as JSON on stderr)'
            cand -q 'Print only what was asked for: no hints or notices on stderr'
            cand --quiet 'Print only what was asked for: no hints or notices on stderr'
            cand --no-input 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand head 'Print the newest link of the chain, to anchor it elsewhere'
            cand verify 'Check the whole chain (exit 12 names the first broken link)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'useradm;audit;head'= {
            cand --db 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user''s data folder, e.g. ~/.local/share/useradm/useradm.db]'
            cand --color 'When to use colour'
            cand --json 'Print exactly one JSON document on stdout (errors as JSON on stderr)'
            cand -q 'Print only what was asked for: no hints or notices on stderr'
            cand --quiet 'Print only what was asked for: no hints or notices on stderr'
            cand --no-input 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'useradm;audit;verify'= {
            cand --expect-head 'A head printed earlier by `audit head`: it must still be in the chain'
            cand --db 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user''s data folder, e.g. ~/.local/share/useradm/useradm.db]'
            cand --color 'When to use colour'
            cand --json 'Print exactly one JSON document on stdout (errors as JSON on stderr)'
            cand -q 'Print only what was asked for: no hints or notices on stderr'
            cand --quiet 'Print only what was asked for: no hints or notices on stderr'
            cand --no-input 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'useradm;audit;help'= {
            cand head 'Print the newest link of the chain, to anchor it elsewhere'
            cand verify 'Check the whole chain (exit 12 names the first broken link)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'useradm;audit;help;head'= {
        }
        &'useradm;audit;help;verify'= {
        }
        &'useradm;audit;help;help'= {
        }
        &'useradm;import'= {
            cand --from-django 'Read a Django site''s SQLite database instead (auth_user, groups, allauth addresses)'
            cand --from-shadow 'Read a shadow file (`/etc/shadow`''s format; `-` for standard input): each user becomes NAME@DOMAIN (--email-domain), unverified, with its hash as it is'
            cand --passwd 'With --from-shadow: the passwd file that gives full names and marks system accounts (uid below UID_MIN of /etc/login.defs, default 1000), which are skipped'
            cand --from-htpasswd 'Read an Apache htpasswd file (`-` for standard input): each user becomes NAME@DOMAIN'
            cand --email-domain 'The domain that makes an email of each user name (--from-shadow, --from-htpasswd)'
            cand --format 'The file format [default: from the extension, else csv]'
            cand --on-conflict 'What to do with emails that already have an account'
            cand --db 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user''s data folder, e.g. ~/.local/share/useradm/useradm.db]'
            cand --color 'When to use colour'
            cand --dry-run 'Report what would be created, updated or skipped, and change nothing'
            cand --no-email 'Send no invitations to accounts imported without a password'
            cand --json 'Print exactly one JSON document on stdout (errors as JSON on stderr)'
            cand -q 'Print only what was asked for: no hints or notices on stderr'
            cand --quiet 'Print only what was asked for: no hints or notices on stderr'
            cand --no-input 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'useradm;apply'= {
            cand --format 'The file format [default: json for a .json file, else toml]'
            cand --max-deletions 'Refuse a plan that removes more entries than this'
            cand --db 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user''s data folder, e.g. ~/.local/share/useradm/useradm.db]'
            cand --color 'When to use colour'
            cand --dry-run 'Print the plan and change nothing'
            cand --check 'Change nothing; exit 0 when the store matches the file, 13 when it does not'
            cand -y 'Apply without asking on a terminal'
            cand --yes 'Apply without asking on a terminal'
            cand --adopt 'Manage existing entries that no owner manages yet'
            cand --prune 'Remove the entries this owner manages that left the file'
            cand --no-email 'Send no invitations to new accounts without a password hash'
            cand --json 'Print exactly one JSON document on stdout (errors as JSON on stderr)'
            cand -q 'Print only what was asked for: no hints or notices on stderr'
            cand --quiet 'Print only what was asked for: no hints or notices on stderr'
            cand --no-input 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'useradm;export'= {
            cand --format 'Output format'
            cand --db 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user''s data folder, e.g. ~/.local/share/useradm/useradm.db]'
            cand --color 'When to use colour'
            cand --json 'Print exactly one JSON document on stdout (errors as JSON on stderr)'
            cand -q 'Print only what was asked for: no hints or notices on stderr'
            cand --quiet 'Print only what was asked for: no hints or notices on stderr'
            cand --no-input 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'useradm;config'= {
            cand --db 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user''s data folder, e.g. ~/.local/share/useradm/useradm.db]'
            cand --color 'When to use colour'
            cand --json 'Print exactly one JSON document on stdout (errors as JSON on stderr)'
            cand -q 'Print only what was asked for: no hints or notices on stderr'
            cand --quiet 'Print only what was asked for: no hints or notices on stderr'
            cand --no-input 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand list 'Show every setting with its value and default'
            cand get 'Print one setting''s value'
            cand set 'Change a setting (validated; a bad value changes nothing)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'useradm;config;list'= {
            cand --db 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user''s data folder, e.g. ~/.local/share/useradm/useradm.db]'
            cand --color 'When to use colour'
            cand --json 'Print exactly one JSON document on stdout (errors as JSON on stderr)'
            cand -q 'Print only what was asked for: no hints or notices on stderr'
            cand --quiet 'Print only what was asked for: no hints or notices on stderr'
            cand --no-input 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'useradm;config;get'= {
            cand --db 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user''s data folder, e.g. ~/.local/share/useradm/useradm.db]'
            cand --color 'When to use colour'
            cand --json 'Print exactly one JSON document on stdout (errors as JSON on stderr)'
            cand -q 'Print only what was asked for: no hints or notices on stderr'
            cand --quiet 'Print only what was asked for: no hints or notices on stderr'
            cand --no-input 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'useradm;config;set'= {
            cand --db 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user''s data folder, e.g. ~/.local/share/useradm/useradm.db]'
            cand --color 'When to use colour'
            cand --value-stdin 'Read the value from the first line of standard input (required for secrets)'
            cand --json 'Print exactly one JSON document on stdout (errors as JSON on stderr)'
            cand -q 'Print only what was asked for: no hints or notices on stderr'
            cand --quiet 'Print only what was asked for: no hints or notices on stderr'
            cand --no-input 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'useradm;config;help'= {
            cand list 'Show every setting with its value and default'
            cand get 'Print one setting''s value'
            cand set 'Change a setting (validated; a bad value changes nothing)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'useradm;config;help;list'= {
        }
        &'useradm;config;help;get'= {
        }
        &'useradm;config;help;set'= {
        }
        &'useradm;config;help;help'= {
        }
        &'useradm;2fa'= {
            cand --db 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user''s data folder, e.g. ~/.local/share/useradm/useradm.db]'
            cand --color 'When to use colour'
            cand --json 'Print exactly one JSON document on stdout (errors as JSON on stderr)'
            cand -q 'Print only what was asked for: no hints or notices on stderr'
            cand --quiet 'Print only what was asked for: no hints or notices on stderr'
            cand --no-input 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand enable 'Enrol an authenticator app: shows a QR code, then confirms with a current code'
            cand status 'Whether a second factor is enabled, and how many recovery codes are left'
            cand disable 'Remove your second factor (asks for the password and a current code)'
            cand recovery-codes 'Print 10 new recovery codes; the old ones stop working (asks for the password and a code)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'useradm;2fa;enable'= {
            cand --otp 'otp'
            cand --db 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user''s data folder, e.g. ~/.local/share/useradm/useradm.db]'
            cand --color 'When to use colour'
            cand --otp-stdin 'Confirm a pending enrolment with a current code read from standard input'
            cand --password-stdin 'When the session proved your password more than 5 minutes ago: read it again from standard input (before the code)'
            cand --json 'Print exactly one JSON document on stdout (errors as JSON on stderr)'
            cand -q 'Print only what was asked for: no hints or notices on stderr'
            cand --quiet 'Print only what was asked for: no hints or notices on stderr'
            cand --no-input 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'useradm;2fa;status'= {
            cand --db 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user''s data folder, e.g. ~/.local/share/useradm/useradm.db]'
            cand --color 'When to use colour'
            cand --json 'Print exactly one JSON document on stdout (errors as JSON on stderr)'
            cand -q 'Print only what was asked for: no hints or notices on stderr'
            cand --quiet 'Print only what was asked for: no hints or notices on stderr'
            cand --no-input 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'useradm;2fa;disable'= {
            cand --otp 'otp'
            cand --db 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user''s data folder, e.g. ~/.local/share/useradm/useradm.db]'
            cand --color 'When to use colour'
            cand --password-stdin 'Read the password from line 1 of standard input'
            cand --otp-stdin 'Read the authenticator app''s code from standard input (the line after the password, if that comes first)'
            cand --recovery-code-stdin 'Read a recovery code from standard input instead of an app code'
            cand --json 'Print exactly one JSON document on stdout (errors as JSON on stderr)'
            cand -q 'Print only what was asked for: no hints or notices on stderr'
            cand --quiet 'Print only what was asked for: no hints or notices on stderr'
            cand --no-input 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'useradm;2fa;recovery-codes'= {
            cand --otp 'otp'
            cand --db 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user''s data folder, e.g. ~/.local/share/useradm/useradm.db]'
            cand --color 'When to use colour'
            cand --password-stdin 'Read the password from line 1 of standard input'
            cand --otp-stdin 'Read the authenticator app''s code from standard input (the line after the password, if that comes first)'
            cand --recovery-code-stdin 'Read a recovery code from standard input instead of an app code'
            cand --json 'Print exactly one JSON document on stdout (errors as JSON on stderr)'
            cand -q 'Print only what was asked for: no hints or notices on stderr'
            cand --quiet 'Print only what was asked for: no hints or notices on stderr'
            cand --no-input 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'useradm;2fa;help'= {
            cand enable 'Enrol an authenticator app: shows a QR code, then confirms with a current code'
            cand status 'Whether a second factor is enabled, and how many recovery codes are left'
            cand disable 'Remove your second factor (asks for the password and a current code)'
            cand recovery-codes 'Print 10 new recovery codes; the old ones stop working (asks for the password and a code)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'useradm;2fa;help;enable'= {
        }
        &'useradm;2fa;help;status'= {
        }
        &'useradm;2fa;help;disable'= {
        }
        &'useradm;2fa;help;recovery-codes'= {
        }
        &'useradm;2fa;help;help'= {
        }
        &'useradm;mail'= {
            cand --db 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user''s data folder, e.g. ~/.local/share/useradm/useradm.db]'
            cand --color 'When to use colour'
            cand --json 'Print exactly one JSON document on stdout (errors as JSON on stderr)'
            cand -q 'Print only what was asked for: no hints or notices on stderr'
            cand --quiet 'Print only what was asked for: no hints or notices on stderr'
            cand --no-input 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand list 'The messages waiting to be sent, with their attempts and last error (never a code)'
            cand retry 'Send what waits now (each with a fresh code, through the transport its request chose)'
            cand deliver 'Deliver queued mail: what a request starts after it answered'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'useradm;mail;list'= {
            cand --db 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user''s data folder, e.g. ~/.local/share/useradm/useradm.db]'
            cand --color 'When to use colour'
            cand --json 'Print exactly one JSON document on stdout (errors as JSON on stderr)'
            cand -q 'Print only what was asked for: no hints or notices on stderr'
            cand --quiet 'Print only what was asked for: no hints or notices on stderr'
            cand --no-input 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'useradm;mail;retry'= {
            cand --db 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user''s data folder, e.g. ~/.local/share/useradm/useradm.db]'
            cand --color 'When to use colour'
            cand --wait 'Send in this process and wait until nothing is being sent, then report'
            cand --json 'Print exactly one JSON document on stdout (errors as JSON on stderr)'
            cand -q 'Print only what was asked for: no hints or notices on stderr'
            cand --quiet 'Print only what was asked for: no hints or notices on stderr'
            cand --no-input 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'useradm;mail;deliver'= {
            cand --id 'Only this queued message (then whatever else is due)'
            cand --after-pid 'Wait for this process (the request) to end first'
            cand --token-reminder 'Tell the owner of this API token that it ends soon, if they are owed that'
            cand --db 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user''s data folder, e.g. ~/.local/share/useradm/useradm.db]'
            cand --color 'When to use colour'
            cand --now 'Send what waits at once, not only what is due'
            cand --json 'Print exactly one JSON document on stdout (errors as JSON on stderr)'
            cand -q 'Print only what was asked for: no hints or notices on stderr'
            cand --quiet 'Print only what was asked for: no hints or notices on stderr'
            cand --no-input 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'useradm;mail;help'= {
            cand list 'The messages waiting to be sent, with their attempts and last error (never a code)'
            cand retry 'Send what waits now (each with a fresh code, through the transport its request chose)'
            cand deliver 'Deliver queued mail: what a request starts after it answered'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'useradm;mail;help;list'= {
        }
        &'useradm;mail;help;retry'= {
        }
        &'useradm;mail;help;deliver'= {
        }
        &'useradm;mail;help;help'= {
        }
        &'useradm;backup'= {
            cand --out 'The new file (refused when it exists)'
            cand --db 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user''s data folder, e.g. ~/.local/share/useradm/useradm.db]'
            cand --color 'When to use colour'
            cand --json 'Print exactly one JSON document on stdout (errors as JSON on stderr)'
            cand -q 'Print only what was asked for: no hints or notices on stderr'
            cand --quiet 'Print only what was asked for: no hints or notices on stderr'
            cand --no-input 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'useradm;restore'= {
            cand --expect-head 'The audit head `backup` printed: the backup''s chain must verify up to it'
            cand --db 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user''s data folder, e.g. ~/.local/share/useradm/useradm.db]'
            cand --color 'When to use colour'
            cand --force 'Overwrite a store that holds accounts (needs settings.manage there)'
            cand -y 'With --force: do not ask'
            cand --yes 'With --force: do not ask'
            cand --keep-tokens 'Keep the backup''s API tokens (by default every one is revoked: the backup may hold tokens revoked since)'
            cand --json 'Print exactly one JSON document on stdout (errors as JSON on stderr)'
            cand -q 'Print only what was asked for: no hints or notices on stderr'
            cand --quiet 'Print only what was asked for: no hints or notices on stderr'
            cand --no-input 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'useradm;idp'= {
            cand --db 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user''s data folder, e.g. ~/.local/share/useradm/useradm.db]'
            cand --color 'When to use colour'
            cand --json 'Print exactly one JSON document on stdout (errors as JSON on stderr)'
            cand -q 'Print only what was asked for: no hints or notices on stderr'
            cand --quiet 'Print only what was asked for: no hints or notices on stderr'
            cand --no-input 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand add 'Add an OpenID Connect provider that offers the device authorization grant'
            cand list 'The providers (never a client secret)'
            cand show 'One provider'
            cand remove 'Remove a provider and unlink every identity of it'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'useradm;idp;add'= {
            cand --issuer 'The issuer URL (https; http only on loopback); its discovery document must offer the device authorization grant'
            cand --client-id 'The client id registered at the provider'
            cand --client-secret-file 'A confidential client''s secret, on the first line of this file (never on the command line)'
            cand --scopes 'Scopes beyond openid'
            cand --allowed-domains 'The mail domains this provider is trusted with (linking by address, registration)'
            cand --link-by 'How a first sign-in finds its account'
            cand --db 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user''s data folder, e.g. ~/.local/share/useradm/useradm.db]'
            cand --color 'When to use colour'
            cand --mfa-by-amr 'Trust the provider''s `amr` claim for a second factor (mfa.required_roles)'
            cand --json 'Print exactly one JSON document on stdout (errors as JSON on stderr)'
            cand -q 'Print only what was asked for: no hints or notices on stderr'
            cand --quiet 'Print only what was asked for: no hints or notices on stderr'
            cand --no-input 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'useradm;idp;list'= {
            cand --db 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user''s data folder, e.g. ~/.local/share/useradm/useradm.db]'
            cand --color 'When to use colour'
            cand --json 'Print exactly one JSON document on stdout (errors as JSON on stderr)'
            cand -q 'Print only what was asked for: no hints or notices on stderr'
            cand --quiet 'Print only what was asked for: no hints or notices on stderr'
            cand --no-input 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'useradm;idp;show'= {
            cand --db 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user''s data folder, e.g. ~/.local/share/useradm/useradm.db]'
            cand --color 'When to use colour'
            cand --json 'Print exactly one JSON document on stdout (errors as JSON on stderr)'
            cand -q 'Print only what was asked for: no hints or notices on stderr'
            cand --quiet 'Print only what was asked for: no hints or notices on stderr'
            cand --no-input 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'useradm;idp;remove'= {
            cand --db 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user''s data folder, e.g. ~/.local/share/useradm/useradm.db]'
            cand --color 'When to use colour'
            cand --json 'Print exactly one JSON document on stdout (errors as JSON on stderr)'
            cand -q 'Print only what was asked for: no hints or notices on stderr'
            cand --quiet 'Print only what was asked for: no hints or notices on stderr'
            cand --no-input 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'useradm;idp;help'= {
            cand add 'Add an OpenID Connect provider that offers the device authorization grant'
            cand list 'The providers (never a client secret)'
            cand show 'One provider'
            cand remove 'Remove a provider and unlink every identity of it'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'useradm;idp;help;add'= {
        }
        &'useradm;idp;help;list'= {
        }
        &'useradm;idp;help;show'= {
        }
        &'useradm;idp;help;remove'= {
        }
        &'useradm;idp;help;help'= {
        }
        &'useradm;db'= {
            cand --db 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user''s data folder, e.g. ~/.local/share/useradm/useradm.db]'
            cand --color 'When to use colour'
            cand --json 'Print exactly one JSON document on stdout (errors as JSON on stderr)'
            cand -q 'Print only what was asked for: no hints or notices on stderr'
            cand --quiet 'Print only what was asked for: no hints or notices on stderr'
            cand --no-input 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand copy 'Copy the whole store (ids, hashes, secrets, sessions, tokens, the audit chain) into a new database of either engine, then mark this one as moved: it is never opened again'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'useradm;db;copy'= {
            cand --to 'The new database: a file that does not exist yet, or an empty server database (postgres://USER@HOST[:PORT]/DBNAME[?sslmode=...])'
            cand --to-password-file 'The target server''s password, on the first line of this file (default: the source''s USERADM_DB_PASSWORD_FILE when the source is a file, then ~/.pgpass)'
            cand --db 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user''s data folder, e.g. ~/.local/share/useradm/useradm.db]'
            cand --color 'When to use colour'
            cand --finish 'Only mark this database as moved to --to, after a copy that stopped between writing the new database and marking this one'
            cand --json 'Print exactly one JSON document on stdout (errors as JSON on stderr)'
            cand -q 'Print only what was asked for: no hints or notices on stderr'
            cand --quiet 'Print only what was asked for: no hints or notices on stderr'
            cand --no-input 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'useradm;db;help'= {
            cand copy 'Copy the whole store (ids, hashes, secrets, sessions, tokens, the audit chain) into a new database of either engine, then mark this one as moved: it is never opened again'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'useradm;db;help;copy'= {
        }
        &'useradm;db;help;help'= {
        }
        &'useradm;doctor'= {
            cand --db 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user''s data folder, e.g. ~/.local/share/useradm/useradm.db]'
            cand --color 'When to use colour'
            cand --fix 'Also purge the sessions, codes, sent mail and failure counters past retention.operational now, as the daily purge does; nothing else is changed'
            cand --json 'Print exactly one JSON document on stdout (errors as JSON on stderr)'
            cand -q 'Print only what was asked for: no hints or notices on stderr'
            cand --quiet 'Print only what was asked for: no hints or notices on stderr'
            cand --no-input 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'useradm;checkpassword'= {
            cand --db 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user''s data folder, e.g. ~/.local/share/useradm/useradm.db]'
            cand --color 'When to use colour'
            cand --json 'Print exactly one JSON document on stdout (errors as JSON on stderr)'
            cand -q 'Print only what was asked for: no hints or notices on stderr'
            cand --quiet 'Print only what was asked for: no hints or notices on stderr'
            cand --no-input 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'useradm;completions'= {
            cand --db 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user''s data folder, e.g. ~/.local/share/useradm/useradm.db]'
            cand --color 'When to use colour'
            cand --json 'Print exactly one JSON document on stdout (errors as JSON on stderr)'
            cand -q 'Print only what was asked for: no hints or notices on stderr'
            cand --quiet 'Print only what was asked for: no hints or notices on stderr'
            cand --no-input 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'useradm;man'= {
            cand --out-dir 'Folder to write the pages into (created when missing)'
            cand --db 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user''s data folder, e.g. ~/.local/share/useradm/useradm.db]'
            cand --color 'When to use colour'
            cand --json 'Print exactly one JSON document on stdout (errors as JSON on stderr)'
            cand -q 'Print only what was asked for: no hints or notices on stderr'
            cand --quiet 'Print only what was asked for: no hints or notices on stderr'
            cand --no-input 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'useradm;help'= {
            cand init 'Create or migrate the database; optionally create the first administrator'
            cand register 'Create an account and send its email verification code'
            cand verify 'Confirm an email address with the emailed code, or send a fresh code'
            cand login 'Check a password and open a session for the following commands'
            cand authenticate 'Check credentials only (exit 0 or 3), without opening a session'
            cand logout 'End this session (always succeeds); --all ends every session of the user'
            cand whoami 'Show the logged-in user, roles, permissions and session expiry'
            cand passwd 'Change your own password; ends your other sessions'
            cand reset 'Ask for a password reset code, or set a new password with one'
            cand grant 'Give roles to a user (needs roles.grant and every permission of the roles)'
            cand revoke 'Take roles from a user (needs roles.grant and every permission of the roles)'
            cand check 'Exit 0 when you (or --email) hold every role and permission named, 5 when not'
            cand roles 'Manage roles and their permissions (needs roles.manage)'
            cand users 'List, show and manage accounts (needs users.read / users.manage)'
            cand sessions 'List and end login sessions (others'' need sessions.manage)'
            cand tokens 'API tokens for CI jobs, used through USERADM_TOKEN'
            cand audit 'Read the security event log and prove its integrity (needs audit.read)'
            cand import 'Create or update accounts from CSV, JSON Lines, a Django database, a shadow or an htpasswd file (needs users.manage)'
            cand apply 'Converge the store to a declared state (settings, identity providers, roles, accounts) from a TOML or JSON file, in one transaction; --dry-run shows the plan, --check exits 13 on drift'
            cand export 'Write every account (profile, roles, status, email_verified; never a hash) to stdout'
            cand config 'Read and change the policy settings (needs settings.manage)'
            cand 2fa 'A second factor (TOTP) for your account, with recovery codes'
            cand mail 'Mail sent after answering (reset and verification codes): what waits, and sending it now (needs settings.manage)'
            cand backup 'Write a consistent copy of the whole store (every secret it holds) to a new SQLite file, prove it, and print the audit head it holds (needs settings.manage)'
            cand restore 'Replace the store with a backup whose audit chain verifies up to HASH; ends every session and revokes the API tokens'
            cand idp 'Identity providers for single sign-on (`login --idp`) (needs settings.manage)'
            cand db 'The database itself: copy it to a new file or server (needs settings.manage)'
            cand doctor 'Check the store and what it depends on, one line per check (ok, warning, problem or skipped) with the fix for each that is not ok (needs settings.manage)'
            cand checkpassword 'The checkpassword interface (qmail and its family): reads `user\0password\0timestamp\0` from file descriptor 3; runs PROG with USER and HOME set when the password is right, else exits 1 (2: misuse, 111: a temporary failure)'
            cand completions 'Print the shell completion script for SHELL to stdout'
            cand man 'Write the man pages (useradm.1 and one per command) into a folder'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'useradm;help;init'= {
        }
        &'useradm;help;register'= {
        }
        &'useradm;help;verify'= {
        }
        &'useradm;help;login'= {
        }
        &'useradm;help;authenticate'= {
        }
        &'useradm;help;logout'= {
        }
        &'useradm;help;whoami'= {
        }
        &'useradm;help;passwd'= {
        }
        &'useradm;help;reset'= {
        }
        &'useradm;help;grant'= {
        }
        &'useradm;help;revoke'= {
        }
        &'useradm;help;check'= {
        }
        &'useradm;help;roles'= {
            cand list 'List roles with their permissions'
            cand show 'Show one role'
            cand create 'Create a role'
            cand delete 'Delete a role (its holders lose it; asks on a terminal unless --yes)'
            cand allow 'Add permissions to a role'
            cand deny 'Remove permissions from a role'
        }
        &'useradm;help;roles;list'= {
        }
        &'useradm;help;roles;show'= {
        }
        &'useradm;help;roles;create'= {
        }
        &'useradm;help;roles;delete'= {
        }
        &'useradm;help;roles;allow'= {
        }
        &'useradm;help;roles;deny'= {
        }
        &'useradm;help;users'= {
            cand link 'Link an identity of a provider (its subject, `sub`) to an account'
            cand unlink 'Unlink an account''s identities of a provider'
            cand list 'List accounts'
            cand show 'Show one account'
            cand update 'Change names, attributes or the email address (a new address waits for its code)'
            cand disable 'Disable an account: ends its sessions and tokens'
            cand enable 'Enable a disabled account'
            cand unlock 'Lift a lock from failed logins'
            cand reset-2fa 'Remove an account''s second factor (a lost phone)'
            cand set-password 'Set an account''s password: ends its sessions and revokes its API tokens. With --must-change (the default for a generated one) the user must change it first'
            cand delete 'Delete an account (asks on a terminal unless --yes)'
        }
        &'useradm;help;users;link'= {
        }
        &'useradm;help;users;unlink'= {
        }
        &'useradm;help;users;list'= {
        }
        &'useradm;help;users;show'= {
        }
        &'useradm;help;users;update'= {
        }
        &'useradm;help;users;disable'= {
        }
        &'useradm;help;users;enable'= {
        }
        &'useradm;help;users;unlock'= {
        }
        &'useradm;help;users;reset-2fa'= {
        }
        &'useradm;help;users;set-password'= {
        }
        &'useradm;help;users;delete'= {
        }
        &'useradm;help;sessions'= {
            cand list 'List your sessions (--all: everyone''s, needs sessions.manage)'
            cand revoke 'End a session by id'
        }
        &'useradm;help;sessions;list'= {
        }
        &'useradm;help;sessions;revoke'= {
        }
        &'useradm;help;tokens'= {
            cand create 'Create a token (printed once) limited to the listed permissions'
            cand list 'List your tokens (--all: everyone''s, needs sessions.manage)'
            cand revoke 'Revoke a token by id'
            cand remind 'Tell the owners of tokens that expire within 7 days, once per token (for a timer; needs sessions.manage)'
        }
        &'useradm;help;tokens;create'= {
        }
        &'useradm;help;tokens;list'= {
        }
        &'useradm;help;tokens;revoke'= {
        }
        &'useradm;help;tokens;remind'= {
        }
        &'useradm;help;audit'= {
            cand head 'Print the newest link of the chain, to anchor it elsewhere'
            cand verify 'Check the whole chain (exit 12 names the first broken link)'
        }
        &'useradm;help;audit;head'= {
        }
        &'useradm;help;audit;verify'= {
        }
        &'useradm;help;import'= {
        }
        &'useradm;help;apply'= {
        }
        &'useradm;help;export'= {
        }
        &'useradm;help;config'= {
            cand list 'Show every setting with its value and default'
            cand get 'Print one setting''s value'
            cand set 'Change a setting (validated; a bad value changes nothing)'
        }
        &'useradm;help;config;list'= {
        }
        &'useradm;help;config;get'= {
        }
        &'useradm;help;config;set'= {
        }
        &'useradm;help;2fa'= {
            cand enable 'Enrol an authenticator app: shows a QR code, then confirms with a current code'
            cand status 'Whether a second factor is enabled, and how many recovery codes are left'
            cand disable 'Remove your second factor (asks for the password and a current code)'
            cand recovery-codes 'Print 10 new recovery codes; the old ones stop working (asks for the password and a code)'
        }
        &'useradm;help;2fa;enable'= {
        }
        &'useradm;help;2fa;status'= {
        }
        &'useradm;help;2fa;disable'= {
        }
        &'useradm;help;2fa;recovery-codes'= {
        }
        &'useradm;help;mail'= {
            cand list 'The messages waiting to be sent, with their attempts and last error (never a code)'
            cand retry 'Send what waits now (each with a fresh code, through the transport its request chose)'
            cand deliver 'Deliver queued mail: what a request starts after it answered'
        }
        &'useradm;help;mail;list'= {
        }
        &'useradm;help;mail;retry'= {
        }
        &'useradm;help;mail;deliver'= {
        }
        &'useradm;help;backup'= {
        }
        &'useradm;help;restore'= {
        }
        &'useradm;help;idp'= {
            cand add 'Add an OpenID Connect provider that offers the device authorization grant'
            cand list 'The providers (never a client secret)'
            cand show 'One provider'
            cand remove 'Remove a provider and unlink every identity of it'
        }
        &'useradm;help;idp;add'= {
        }
        &'useradm;help;idp;list'= {
        }
        &'useradm;help;idp;show'= {
        }
        &'useradm;help;idp;remove'= {
        }
        &'useradm;help;db'= {
            cand copy 'Copy the whole store (ids, hashes, secrets, sessions, tokens, the audit chain) into a new database of either engine, then mark this one as moved: it is never opened again'
        }
        &'useradm;help;db;copy'= {
        }
        &'useradm;help;doctor'= {
        }
        &'useradm;help;checkpassword'= {
        }
        &'useradm;help;completions'= {
        }
        &'useradm;help;man'= {
        }
        &'useradm;help;help'= {
        }
    ]
    $completions[$command]
}
