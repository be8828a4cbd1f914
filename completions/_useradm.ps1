
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'useradm' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'useradm'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'useradm' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user''s data folder, e.g. ~/.local/share/useradm/useradm.db]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: no hints or notices on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: no hints or notices on stderr')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('init', 'init', [CompletionResultType]::ParameterValue, 'Create or migrate the database; optionally create the first administrator')
            [CompletionResult]::new('register', 'register', [CompletionResultType]::ParameterValue, 'Create an account and send its email verification code')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Confirm an email address with the emailed code, or send a fresh code')
            [CompletionResult]::new('login', 'login', [CompletionResultType]::ParameterValue, 'Check a password and open a session for the following commands')
            [CompletionResult]::new('authenticate', 'authenticate', [CompletionResultType]::ParameterValue, 'Check credentials only (exit 0 or 3), without opening a session')
            [CompletionResult]::new('logout', 'logout', [CompletionResultType]::ParameterValue, 'End this session (always succeeds); --all ends every session of the user')
            [CompletionResult]::new('whoami', 'whoami', [CompletionResultType]::ParameterValue, 'Show the logged-in user, roles, permissions and session expiry')
            [CompletionResult]::new('passwd', 'passwd', [CompletionResultType]::ParameterValue, 'Change your own password; ends your other sessions')
            [CompletionResult]::new('reset', 'reset', [CompletionResultType]::ParameterValue, 'Ask for a password reset code, or set a new password with one')
            [CompletionResult]::new('grant', 'grant', [CompletionResultType]::ParameterValue, 'Give roles to a user (needs roles.grant and every permission of the roles)')
            [CompletionResult]::new('revoke', 'revoke', [CompletionResultType]::ParameterValue, 'Take roles from a user (needs roles.grant and every permission of the roles)')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Exit 0 when you (or --email) hold every role and permission named, 5 when not')
            [CompletionResult]::new('roles', 'roles', [CompletionResultType]::ParameterValue, 'Manage roles and their permissions (needs roles.manage)')
            [CompletionResult]::new('users', 'users', [CompletionResultType]::ParameterValue, 'List, show and manage accounts (needs users.read / users.manage)')
            [CompletionResult]::new('sessions', 'sessions', [CompletionResultType]::ParameterValue, 'List and end login sessions (others'' need sessions.manage)')
            [CompletionResult]::new('tokens', 'tokens', [CompletionResultType]::ParameterValue, 'API tokens for CI jobs, used through USERADM_TOKEN')
            [CompletionResult]::new('audit', 'audit', [CompletionResultType]::ParameterValue, 'Read the security event log and prove its integrity (needs audit.read)')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Create or update accounts from CSV, JSON Lines, a Django database, a shadow or an htpasswd file (needs users.manage)')
            [CompletionResult]::new('apply', 'apply', [CompletionResultType]::ParameterValue, 'Converge the store to a declared state (settings, identity providers, roles, accounts) from a TOML or JSON file, in one transaction; --dry-run shows the plan, --check exits 13 on drift')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Write every account (profile, roles, status, email_verified; never a hash) to stdout')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'Read and change the policy settings (needs settings.manage)')
            [CompletionResult]::new('2fa', '2fa', [CompletionResultType]::ParameterValue, 'A second factor (TOTP) for your account, with recovery codes')
            [CompletionResult]::new('mail', 'mail', [CompletionResultType]::ParameterValue, 'Mail sent after answering (reset and verification codes): what waits, and sending it now (needs settings.manage)')
            [CompletionResult]::new('backup', 'backup', [CompletionResultType]::ParameterValue, 'Write a consistent copy of the whole store (every secret it holds) to a new SQLite file, prove it, and print the audit head it holds (needs settings.manage)')
            [CompletionResult]::new('restore', 'restore', [CompletionResultType]::ParameterValue, 'Replace the store with a backup whose audit chain verifies up to HASH; ends every session and revokes the API tokens')
            [CompletionResult]::new('idp', 'idp', [CompletionResultType]::ParameterValue, 'Identity providers for single sign-on (`login --idp`) (needs settings.manage)')
            [CompletionResult]::new('db', 'db', [CompletionResultType]::ParameterValue, 'The database itself: copy it to a new file or server (needs settings.manage)')
            [CompletionResult]::new('doctor', 'doctor', [CompletionResultType]::ParameterValue, 'Check the store and what it depends on, one line per check (ok, warning, problem or skipped) with the fix for each that is not ok (needs settings.manage)')
            [CompletionResult]::new('checkpassword', 'checkpassword', [CompletionResultType]::ParameterValue, 'The checkpassword interface (qmail and its family): reads `user\0password\0timestamp\0` from file descriptor 3; runs PROG with USER and HOME set when the password is right, else exits 1 (2: misuse, 111: a temporary failure)')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print the shell completion script for SHELL to stdout')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Write the man pages (useradm.1 and one per command) into a folder')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'useradm;init' {
            [CompletionResult]::new('--admin', '--admin', [CompletionResultType]::ParameterName, 'Also create the first administrator with this email (verified, role admin)')
            [CompletionResult]::new('--password-file', '--password-file', [CompletionResultType]::ParameterName, 'Read the password from the first line of a file')
            [CompletionResult]::new('--group', '--group', [CompletionResultType]::ParameterName, 'Share the database with this group of administrators (files 0660, folder 0770)')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user''s data folder, e.g. ~/.local/share/useradm/useradm.db]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'Read the password from the first line of standard input')
            [CompletionResult]::new('--exists-ok', '--exists-ok', [CompletionResultType]::ParameterName, 'Succeed when an administrator already exists')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: no hints or notices on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: no hints or notices on stderr')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'useradm;register' {
            [CompletionResult]::new('--email', '--email', [CompletionResultType]::ParameterName, 'Email address of the new account (asked on a terminal when missing)')
            [CompletionResult]::new('--first-name', '--first-name', [CompletionResultType]::ParameterName, 'First name')
            [CompletionResult]::new('--last-name', '--last-name', [CompletionResultType]::ParameterName, 'Last name')
            [CompletionResult]::new('--attr', '--attr', [CompletionResultType]::ParameterName, 'Extra attribute stored with the account (repeatable)')
            [CompletionResult]::new('--password-file', '--password-file', [CompletionResultType]::ParameterName, 'Read the password from the first line of a file')
            [CompletionResult]::new('--role', '--role', [CompletionResultType]::ParameterName, 'Give a role to the new account (needs users.manage and every permission of the role)')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user''s data folder, e.g. ~/.local/share/useradm/useradm.db]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'Read the password from the first line of standard input')
            [CompletionResult]::new('--generate-password', '--generate-password', [CompletionResultType]::ParameterName, 'Generate a strong password and print it once')
            [CompletionResult]::new('--verified', '--verified', [CompletionResultType]::ParameterName, 'Mark the email as verified and send no code (needs users.manage)')
            [CompletionResult]::new('--exists-ok', '--exists-ok', [CompletionResultType]::ParameterName, 'Succeed without changes when the email is already registered')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: no hints or notices on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: no hints or notices on stderr')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'useradm;verify' {
            [CompletionResult]::new('--email', '--email', [CompletionResultType]::ParameterName, 'Email address to confirm (asked on a terminal when missing)')
            [CompletionResult]::new('--code', '--code', [CompletionResultType]::ParameterName, 'code')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user''s data folder, e.g. ~/.local/share/useradm/useradm.db]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--code-stdin', '--code-stdin', [CompletionResultType]::ParameterName, 'Read the code from the first line of standard input (else it is asked on a terminal)')
            [CompletionResult]::new('--resend', '--resend', [CompletionResultType]::ParameterName, 'Send a fresh code instead (the older one stops working)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: no hints or notices on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: no hints or notices on stderr')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'useradm;login' {
            [CompletionResult]::new('--email', '--email', [CompletionResultType]::ParameterName, 'Email address (asked on a terminal when missing)')
            [CompletionResult]::new('--idp', '--idp', [CompletionResultType]::ParameterName, 'Sign in with this identity provider instead (the device flow: a code to approve in any browser); see `useradm idp`')
            [CompletionResult]::new('--password-file', '--password-file', [CompletionResultType]::ParameterName, 'Read the password from the first line of a file')
            [CompletionResult]::new('--otp', '--otp', [CompletionResultType]::ParameterName, 'otp')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user''s data folder, e.g. ~/.local/share/useradm/useradm.db]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'Read the password from the first line of standard input')
            [CompletionResult]::new('--otp-stdin', '--otp-stdin', [CompletionResultType]::ParameterName, 'Read the authenticator app''s code from standard input (the line after the password, if that comes first)')
            [CompletionResult]::new('--recovery-code-stdin', '--recovery-code-stdin', [CompletionResultType]::ParameterName, 'Read a recovery code from standard input instead of an app code')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: no hints or notices on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: no hints or notices on stderr')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'useradm;authenticate' {
            [CompletionResult]::new('--email', '--email', [CompletionResultType]::ParameterName, 'Email address')
            [CompletionResult]::new('--email-domain', '--email-domain', [CompletionResultType]::ParameterName, 'With --pam: the domain of a PAM_USER without one (alice -> alice@DOMAIN)')
            [CompletionResult]::new('--password-file', '--password-file', [CompletionResultType]::ParameterName, 'Read the password from the first line of a file')
            [CompletionResult]::new('--otp', '--otp', [CompletionResultType]::ParameterName, 'otp')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user''s data folder, e.g. ~/.local/share/useradm/useradm.db]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--pam', '--pam', [CompletionResultType]::ParameterName, 'Speak pam_exec''s conventions: the user from PAM_USER, the password from standard input (expose_authtok), PAM_TYPE auth or account; every refusal is exit 1 and prints nothing')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'Read the password from the first line of standard input')
            [CompletionResult]::new('--otp-stdin', '--otp-stdin', [CompletionResultType]::ParameterName, 'Read the authenticator app''s code from standard input (the line after the password, if that comes first)')
            [CompletionResult]::new('--recovery-code-stdin', '--recovery-code-stdin', [CompletionResultType]::ParameterName, 'Read a recovery code from standard input instead of an app code')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: no hints or notices on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: no hints or notices on stderr')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'useradm;logout' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user''s data folder, e.g. ~/.local/share/useradm/useradm.db]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'End every session of this user, on every machine')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: no hints or notices on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: no hints or notices on stderr')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'useradm;whoami' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user''s data folder, e.g. ~/.local/share/useradm/useradm.db]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: no hints or notices on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: no hints or notices on stderr')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'useradm;passwd' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user''s data folder, e.g. ~/.local/share/useradm/useradm.db]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'Read line 1 (current password) and line 2 (new password) from standard input')
            [CompletionResult]::new('--revoke-tokens', '--revoke-tokens', [CompletionResultType]::ParameterName, 'Also revoke your API tokens (asked on a terminal; scripts keep them unless they pass this)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: no hints or notices on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: no hints or notices on stderr')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'useradm;reset' {
            [CompletionResult]::new('--email', '--email', [CompletionResultType]::ParameterName, 'Email address of the account')
            [CompletionResult]::new('--password-file', '--password-file', [CompletionResultType]::ParameterName, 'Read the password from the first line of a file')
            [CompletionResult]::new('--code', '--code', [CompletionResultType]::ParameterName, 'code')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user''s data folder, e.g. ~/.local/share/useradm/useradm.db]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--confirm', '--confirm', [CompletionResultType]::ParameterName, 'I hold a code: ask for it (and the new password) instead of requesting a new code')
            [CompletionResult]::new('--code-stdin', '--code-stdin', [CompletionResultType]::ParameterName, 'Read the code from line 1 of standard input (then the password from the next line); implies --confirm')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'Read the password from the first line of standard input')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: no hints or notices on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: no hints or notices on stderr')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'useradm;grant' {
            [CompletionResult]::new('--email', '--email', [CompletionResultType]::ParameterName, 'Email address of the user')
            [CompletionResult]::new('--role', '--role', [CompletionResultType]::ParameterName, 'Role to give or take (repeatable)')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user''s data folder, e.g. ~/.local/share/useradm/useradm.db]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'Giving a role that holds `*` needs your password proven in the last 5 minutes: read it from standard input (and a second-factor code from the next line, where you have one)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: no hints or notices on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: no hints or notices on stderr')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'useradm;revoke' {
            [CompletionResult]::new('--email', '--email', [CompletionResultType]::ParameterName, 'Email address of the user')
            [CompletionResult]::new('--role', '--role', [CompletionResultType]::ParameterName, 'Role to give or take (repeatable)')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user''s data folder, e.g. ~/.local/share/useradm/useradm.db]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'Giving a role that holds `*` needs your password proven in the last 5 minutes: read it from standard input (and a second-factor code from the next line, where you have one)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: no hints or notices on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: no hints or notices on stderr')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'useradm;check' {
            [CompletionResult]::new('--role', '--role', [CompletionResultType]::ParameterName, 'A role that must be held (repeatable)')
            [CompletionResult]::new('--permission', '--permission', [CompletionResultType]::ParameterName, 'A permission that must be held (repeatable)')
            [CompletionResult]::new('--email', '--email', [CompletionResultType]::ParameterName, 'Check this user instead of yourself (needs users.read)')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user''s data folder, e.g. ~/.local/share/useradm/useradm.db]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--explain', '--explain', [CompletionResultType]::ParameterName, 'Say which role grants each one, or that it is missing')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: no hints or notices on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: no hints or notices on stderr')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'useradm;roles' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user''s data folder, e.g. ~/.local/share/useradm/useradm.db]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: no hints or notices on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: no hints or notices on stderr')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List roles with their permissions')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one role')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a role')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a role (its holders lose it; asks on a terminal unless --yes)')
            [CompletionResult]::new('allow', 'allow', [CompletionResultType]::ParameterValue, 'Add permissions to a role')
            [CompletionResult]::new('deny', 'deny', [CompletionResultType]::ParameterValue, 'Remove permissions from a role')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'useradm;roles;list' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user''s data folder, e.g. ~/.local/share/useradm/useradm.db]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: no hints or notices on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: no hints or notices on stderr')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'useradm;roles;show' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user''s data folder, e.g. ~/.local/share/useradm/useradm.db]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: no hints or notices on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: no hints or notices on stderr')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'useradm;roles;create' {
            [CompletionResult]::new('--permission', '--permission', [CompletionResultType]::ParameterName, 'Permission of the role (repeatable)')
            [CompletionResult]::new('--description', '--description', [CompletionResultType]::ParameterName, 'What the role is for')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user''s data folder, e.g. ~/.local/share/useradm/useradm.db]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--exists-ok', '--exists-ok', [CompletionResultType]::ParameterName, 'Succeed without changes when the role exists')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: no hints or notices on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: no hints or notices on stderr')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'useradm;roles;delete' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user''s data folder, e.g. ~/.local/share/useradm/useradm.db]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: no hints or notices on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: no hints or notices on stderr')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'useradm;roles;allow' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user''s data folder, e.g. ~/.local/share/useradm/useradm.db]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'Allowing `*` needs your password proven in the last 5 minutes: read it from standard input (and a second-factor code from the next line, where you have one)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: no hints or notices on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: no hints or notices on stderr')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'useradm;roles;deny' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user''s data folder, e.g. ~/.local/share/useradm/useradm.db]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: no hints or notices on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: no hints or notices on stderr')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'useradm;roles;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List roles with their permissions')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one role')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a role')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a role (its holders lose it; asks on a terminal unless --yes)')
            [CompletionResult]::new('allow', 'allow', [CompletionResultType]::ParameterValue, 'Add permissions to a role')
            [CompletionResult]::new('deny', 'deny', [CompletionResultType]::ParameterValue, 'Remove permissions from a role')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'useradm;roles;help;list' {
            break
        }
        'useradm;roles;help;show' {
            break
        }
        'useradm;roles;help;create' {
            break
        }
        'useradm;roles;help;delete' {
            break
        }
        'useradm;roles;help;allow' {
            break
        }
        'useradm;roles;help;deny' {
            break
        }
        'useradm;roles;help;help' {
            break
        }
        'useradm;users' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user''s data folder, e.g. ~/.local/share/useradm/useradm.db]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: no hints or notices on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: no hints or notices on stderr')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('link', 'link', [CompletionResultType]::ParameterValue, 'Link an identity of a provider (its subject, `sub`) to an account')
            [CompletionResult]::new('unlink', 'unlink', [CompletionResultType]::ParameterValue, 'Unlink an account''s identities of a provider')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List accounts')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one account')
            [CompletionResult]::new('update', 'update', [CompletionResultType]::ParameterValue, 'Change names, attributes or the email address (a new address waits for its code)')
            [CompletionResult]::new('disable', 'disable', [CompletionResultType]::ParameterValue, 'Disable an account: ends its sessions and tokens')
            [CompletionResult]::new('enable', 'enable', [CompletionResultType]::ParameterValue, 'Enable a disabled account')
            [CompletionResult]::new('unlock', 'unlock', [CompletionResultType]::ParameterValue, 'Lift a lock from failed logins')
            [CompletionResult]::new('reset-2fa', 'reset-2fa', [CompletionResultType]::ParameterValue, 'Remove an account''s second factor (a lost phone)')
            [CompletionResult]::new('set-password', 'set-password', [CompletionResultType]::ParameterValue, 'Set an account''s password: ends its sessions and revokes its API tokens. With --must-change (the default for a generated one) the user must change it first')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete an account (asks on a terminal unless --yes)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'useradm;users;link' {
            [CompletionResult]::new('--idp', '--idp', [CompletionResultType]::ParameterName, 'The provider''s name')
            [CompletionResult]::new('--subject', '--subject', [CompletionResultType]::ParameterName, 'The identity''s subject at the provider')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user''s data folder, e.g. ~/.local/share/useradm/useradm.db]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: no hints or notices on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: no hints or notices on stderr')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'useradm;users;unlink' {
            [CompletionResult]::new('--idp', '--idp', [CompletionResultType]::ParameterName, 'The provider''s name')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user''s data folder, e.g. ~/.local/share/useradm/useradm.db]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: no hints or notices on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: no hints or notices on stderr')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'useradm;users;list' {
            [CompletionResult]::new('--role', '--role', [CompletionResultType]::ParameterName, 'Only holders of this role')
            [CompletionResult]::new('--status', '--status', [CompletionResultType]::ParameterName, 'Only accounts in this state')
            [CompletionResult]::new('--search', '--search', [CompletionResultType]::ParameterName, 'Only accounts whose email or name contains this text')
            [CompletionResult]::new('--inactive', '--inactive', [CompletionResultType]::ParameterName, 'Only accounts that have not authenticated in any way for this long (90d), or never: for access reviews')
            [CompletionResult]::new('--expiring', '--expiring', [CompletionResultType]::ParameterName, 'Only accounts whose validity ends within this long (30d)')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user''s data folder, e.g. ~/.local/share/useradm/useradm.db]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--legacy-hash', '--legacy-hash', [CompletionResultType]::ParameterName, 'Only accounts whose stored hash is not yet Argon2id at the policy (imported hashes not upgraded by a login: they check at their own cost, and may be expired)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: no hints or notices on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: no hints or notices on stderr')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'useradm;users;show' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user''s data folder, e.g. ~/.local/share/useradm/useradm.db]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: no hints or notices on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: no hints or notices on stderr')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'useradm;users;update' {
            [CompletionResult]::new('--first-name', '--first-name', [CompletionResultType]::ParameterName, 'New first name')
            [CompletionResult]::new('--last-name', '--last-name', [CompletionResultType]::ParameterName, 'New last name')
            [CompletionResult]::new('--attr', '--attr', [CompletionResultType]::ParameterName, 'Set an attribute (repeatable; an empty value removes it)')
            [CompletionResult]::new('--must-change', '--must-change', [CompletionResultType]::ParameterName, 'Whether the user must change their password before anything else')
            [CompletionResult]::new('--expires', '--expires', [CompletionResultType]::ParameterName, 'The account stops working then: a date, an RFC 3339 time with its offset (2026-12-31T17:00:00Z), a duration from now (90d), or never')
            [CompletionResult]::new('--valid-from', '--valid-from', [CompletionResultType]::ParameterName, 'The account works only from then: a date, an RFC 3339 time with its offset, or now')
            [CompletionResult]::new('--email', '--email', [CompletionResultType]::ParameterName, 'New email address: confirmed by a code sent to it; the old one works until then')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user''s data folder, e.g. ~/.local/share/useradm/useradm.db]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'Changing your own address after your session proved your password more than 5 minutes ago: read it again from standard input (a second-factor code from the next line)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: no hints or notices on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: no hints or notices on stderr')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'useradm;users;disable' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user''s data folder, e.g. ~/.local/share/useradm/useradm.db]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: no hints or notices on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: no hints or notices on stderr')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'useradm;users;enable' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user''s data folder, e.g. ~/.local/share/useradm/useradm.db]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: no hints or notices on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: no hints or notices on stderr')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'useradm;users;unlock' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user''s data folder, e.g. ~/.local/share/useradm/useradm.db]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: no hints or notices on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: no hints or notices on stderr')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'useradm;users;reset-2fa' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user''s data folder, e.g. ~/.local/share/useradm/useradm.db]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: no hints or notices on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: no hints or notices on stderr')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'useradm;users;set-password' {
            [CompletionResult]::new('--password-file', '--password-file', [CompletionResultType]::ParameterName, 'Read the password from the first line of a file')
            [CompletionResult]::new('--must-change', '--must-change', [CompletionResultType]::ParameterName, 'Whether the user must change it at their next login (default: yes for a generated password, no otherwise)')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user''s data folder, e.g. ~/.local/share/useradm/useradm.db]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'Read the password from the first line of standard input')
            [CompletionResult]::new('--generate-password', '--generate-password', [CompletionResultType]::ParameterName, 'Generate a strong password and print it once')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: no hints or notices on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: no hints or notices on stderr')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'useradm;users;delete' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user''s data folder, e.g. ~/.local/share/useradm/useradm.db]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: no hints or notices on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: no hints or notices on stderr')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'useradm;users;help' {
            [CompletionResult]::new('link', 'link', [CompletionResultType]::ParameterValue, 'Link an identity of a provider (its subject, `sub`) to an account')
            [CompletionResult]::new('unlink', 'unlink', [CompletionResultType]::ParameterValue, 'Unlink an account''s identities of a provider')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List accounts')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one account')
            [CompletionResult]::new('update', 'update', [CompletionResultType]::ParameterValue, 'Change names, attributes or the email address (a new address waits for its code)')
            [CompletionResult]::new('disable', 'disable', [CompletionResultType]::ParameterValue, 'Disable an account: ends its sessions and tokens')
            [CompletionResult]::new('enable', 'enable', [CompletionResultType]::ParameterValue, 'Enable a disabled account')
            [CompletionResult]::new('unlock', 'unlock', [CompletionResultType]::ParameterValue, 'Lift a lock from failed logins')
            [CompletionResult]::new('reset-2fa', 'reset-2fa', [CompletionResultType]::ParameterValue, 'Remove an account''s second factor (a lost phone)')
            [CompletionResult]::new('set-password', 'set-password', [CompletionResultType]::ParameterValue, 'Set an account''s password: ends its sessions and revokes its API tokens. With --must-change (the default for a generated one) the user must change it first')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete an account (asks on a terminal unless --yes)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'useradm;users;help;link' {
            break
        }
        'useradm;users;help;unlink' {
            break
        }
        'useradm;users;help;list' {
            break
        }
        'useradm;users;help;show' {
            break
        }
        'useradm;users;help;update' {
            break
        }
        'useradm;users;help;disable' {
            break
        }
        'useradm;users;help;enable' {
            break
        }
        'useradm;users;help;unlock' {
            break
        }
        'useradm;users;help;reset-2fa' {
            break
        }
        'useradm;users;help;set-password' {
            break
        }
        'useradm;users;help;delete' {
            break
        }
        'useradm;users;help;help' {
            break
        }
        'useradm;sessions' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user''s data folder, e.g. ~/.local/share/useradm/useradm.db]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: no hints or notices on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: no hints or notices on stderr')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List your sessions (--all: everyone''s, needs sessions.manage)')
            [CompletionResult]::new('revoke', 'revoke', [CompletionResultType]::ParameterValue, 'End a session by id')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'useradm;sessions;list' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user''s data folder, e.g. ~/.local/share/useradm/useradm.db]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Every user''s sessions')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: no hints or notices on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: no hints or notices on stderr')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'useradm;sessions;revoke' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user''s data folder, e.g. ~/.local/share/useradm/useradm.db]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: no hints or notices on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: no hints or notices on stderr')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'useradm;sessions;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List your sessions (--all: everyone''s, needs sessions.manage)')
            [CompletionResult]::new('revoke', 'revoke', [CompletionResultType]::ParameterValue, 'End a session by id')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'useradm;sessions;help;list' {
            break
        }
        'useradm;sessions;help;revoke' {
            break
        }
        'useradm;sessions;help;help' {
            break
        }
        'useradm;tokens' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user''s data folder, e.g. ~/.local/share/useradm/useradm.db]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: no hints or notices on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: no hints or notices on stderr')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a token (printed once) limited to the listed permissions')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List your tokens (--all: everyone''s, needs sessions.manage)')
            [CompletionResult]::new('revoke', 'revoke', [CompletionResultType]::ParameterValue, 'Revoke a token by id')
            [CompletionResult]::new('remind', 'remind', [CompletionResultType]::ParameterValue, 'Tell the owners of tokens that expire within 7 days, once per token (for a timer; needs sessions.manage)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'useradm;tokens;create' {
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'A name that says where the token is used')
            [CompletionResult]::new('--permission', '--permission', [CompletionResultType]::ParameterName, 'Permission the token may use (repeatable, at least one)')
            [CompletionResult]::new('--expires', '--expires', [CompletionResultType]::ParameterName, 'Lifetime such as 30d or 12h, or never [default: 90d]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user''s data folder, e.g. ~/.local/share/useradm/useradm.db]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'When the session proved your password more than 5 minutes ago: read it again from standard input (and a second-factor code from the next line, where you have one)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: no hints or notices on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: no hints or notices on stderr')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'useradm;tokens;list' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user''s data folder, e.g. ~/.local/share/useradm/useradm.db]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Every user''s tokens')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: no hints or notices on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: no hints or notices on stderr')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'useradm;tokens;revoke' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user''s data folder, e.g. ~/.local/share/useradm/useradm.db]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: no hints or notices on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: no hints or notices on stderr')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'useradm;tokens;remind' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user''s data folder, e.g. ~/.local/share/useradm/useradm.db]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: no hints or notices on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: no hints or notices on stderr')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'useradm;tokens;help' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a token (printed once) limited to the listed permissions')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List your tokens (--all: everyone''s, needs sessions.manage)')
            [CompletionResult]::new('revoke', 'revoke', [CompletionResultType]::ParameterValue, 'Revoke a token by id')
            [CompletionResult]::new('remind', 'remind', [CompletionResultType]::ParameterValue, 'Tell the owners of tokens that expire within 7 days, once per token (for a timer; needs sessions.manage)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'useradm;tokens;help;create' {
            break
        }
        'useradm;tokens;help;list' {
            break
        }
        'useradm;tokens;help;revoke' {
            break
        }
        'useradm;tokens;help;remind' {
            break
        }
        'useradm;tokens;help;help' {
            break
        }
        'useradm;audit' {
            [CompletionResult]::new('--email', '--email', [CompletionResultType]::ParameterName, 'Only events with this email as actor or target')
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'Only events since this time (2026-11-28T10:00:00Z) or this long ago (24h)')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'At most this many of the newest events')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user''s data folder, e.g. ~/.local/share/useradm/useradm.db]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: no hints or notices on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: no hints or notices on stderr')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('head', 'head', [CompletionResultType]::ParameterValue, 'Print the newest link of the chain, to anchor it elsewhere')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Check the whole chain (exit 12 names the first broken link)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'useradm;audit;head' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user''s data folder, e.g. ~/.local/share/useradm/useradm.db]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: no hints or notices on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: no hints or notices on stderr')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'useradm;audit;verify' {
            [CompletionResult]::new('--expect-head', '--expect-head', [CompletionResultType]::ParameterName, 'A head printed earlier by `audit head`: it must still be in the chain')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user''s data folder, e.g. ~/.local/share/useradm/useradm.db]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: no hints or notices on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: no hints or notices on stderr')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'useradm;audit;help' {
            [CompletionResult]::new('head', 'head', [CompletionResultType]::ParameterValue, 'Print the newest link of the chain, to anchor it elsewhere')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Check the whole chain (exit 12 names the first broken link)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'useradm;audit;help;head' {
            break
        }
        'useradm;audit;help;verify' {
            break
        }
        'useradm;audit;help;help' {
            break
        }
        'useradm;import' {
            [CompletionResult]::new('--from-django', '--from-django', [CompletionResultType]::ParameterName, 'Read a Django site''s SQLite database instead (auth_user, groups, allauth addresses)')
            [CompletionResult]::new('--from-shadow', '--from-shadow', [CompletionResultType]::ParameterName, 'Read a shadow file (`/etc/shadow`''s format; `-` for standard input): each user becomes NAME@DOMAIN (--email-domain), unverified, with its hash as it is')
            [CompletionResult]::new('--passwd', '--passwd', [CompletionResultType]::ParameterName, 'With --from-shadow: the passwd file that gives full names and marks system accounts (uid below UID_MIN of /etc/login.defs, default 1000), which are skipped')
            [CompletionResult]::new('--from-htpasswd', '--from-htpasswd', [CompletionResultType]::ParameterName, 'Read an Apache htpasswd file (`-` for standard input): each user becomes NAME@DOMAIN')
            [CompletionResult]::new('--email-domain', '--email-domain', [CompletionResultType]::ParameterName, 'The domain that makes an email of each user name (--from-shadow, --from-htpasswd)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'The file format [default: from the extension, else csv]')
            [CompletionResult]::new('--on-conflict', '--on-conflict', [CompletionResultType]::ParameterName, 'What to do with emails that already have an account')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user''s data folder, e.g. ~/.local/share/useradm/useradm.db]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Report what would be created, updated or skipped, and change nothing')
            [CompletionResult]::new('--no-email', '--no-email', [CompletionResultType]::ParameterName, 'Send no invitations to accounts imported without a password')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: no hints or notices on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: no hints or notices on stderr')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'useradm;apply' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'The file format [default: json for a .json file, else toml]')
            [CompletionResult]::new('--max-deletions', '--max-deletions', [CompletionResultType]::ParameterName, 'Refuse a plan that removes more entries than this')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user''s data folder, e.g. ~/.local/share/useradm/useradm.db]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the plan and change nothing')
            [CompletionResult]::new('--check', '--check', [CompletionResultType]::ParameterName, 'Change nothing; exit 0 when the store matches the file, 13 when it does not')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Apply without asking on a terminal')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Apply without asking on a terminal')
            [CompletionResult]::new('--adopt', '--adopt', [CompletionResultType]::ParameterName, 'Manage existing entries that no owner manages yet')
            [CompletionResult]::new('--prune', '--prune', [CompletionResultType]::ParameterName, 'Remove the entries this owner manages that left the file')
            [CompletionResult]::new('--no-email', '--no-email', [CompletionResultType]::ParameterName, 'Send no invitations to new accounts without a password hash')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: no hints or notices on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: no hints or notices on stderr')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'useradm;export' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user''s data folder, e.g. ~/.local/share/useradm/useradm.db]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: no hints or notices on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: no hints or notices on stderr')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'useradm;config' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user''s data folder, e.g. ~/.local/share/useradm/useradm.db]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: no hints or notices on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: no hints or notices on stderr')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Show every setting with its value and default')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Print one setting''s value')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Change a setting (validated; a bad value changes nothing)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'useradm;config;list' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user''s data folder, e.g. ~/.local/share/useradm/useradm.db]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: no hints or notices on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: no hints or notices on stderr')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'useradm;config;get' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user''s data folder, e.g. ~/.local/share/useradm/useradm.db]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: no hints or notices on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: no hints or notices on stderr')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'useradm;config;set' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user''s data folder, e.g. ~/.local/share/useradm/useradm.db]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--value-stdin', '--value-stdin', [CompletionResultType]::ParameterName, 'Read the value from the first line of standard input (required for secrets)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: no hints or notices on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: no hints or notices on stderr')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'useradm;config;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Show every setting with its value and default')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Print one setting''s value')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Change a setting (validated; a bad value changes nothing)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'useradm;config;help;list' {
            break
        }
        'useradm;config;help;get' {
            break
        }
        'useradm;config;help;set' {
            break
        }
        'useradm;config;help;help' {
            break
        }
        'useradm;2fa' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user''s data folder, e.g. ~/.local/share/useradm/useradm.db]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: no hints or notices on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: no hints or notices on stderr')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('enable', 'enable', [CompletionResultType]::ParameterValue, 'Enrol an authenticator app: shows a QR code, then confirms with a current code')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Whether a second factor is enabled, and how many recovery codes are left')
            [CompletionResult]::new('disable', 'disable', [CompletionResultType]::ParameterValue, 'Remove your second factor (asks for the password and a current code)')
            [CompletionResult]::new('recovery-codes', 'recovery-codes', [CompletionResultType]::ParameterValue, 'Print 10 new recovery codes; the old ones stop working (asks for the password and a code)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'useradm;2fa;enable' {
            [CompletionResult]::new('--otp', '--otp', [CompletionResultType]::ParameterName, 'otp')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user''s data folder, e.g. ~/.local/share/useradm/useradm.db]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--otp-stdin', '--otp-stdin', [CompletionResultType]::ParameterName, 'Confirm a pending enrolment with a current code read from standard input')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'When the session proved your password more than 5 minutes ago: read it again from standard input (before the code)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: no hints or notices on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: no hints or notices on stderr')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'useradm;2fa;status' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user''s data folder, e.g. ~/.local/share/useradm/useradm.db]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: no hints or notices on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: no hints or notices on stderr')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'useradm;2fa;disable' {
            [CompletionResult]::new('--otp', '--otp', [CompletionResultType]::ParameterName, 'otp')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user''s data folder, e.g. ~/.local/share/useradm/useradm.db]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'Read the password from line 1 of standard input')
            [CompletionResult]::new('--otp-stdin', '--otp-stdin', [CompletionResultType]::ParameterName, 'Read the authenticator app''s code from standard input (the line after the password, if that comes first)')
            [CompletionResult]::new('--recovery-code-stdin', '--recovery-code-stdin', [CompletionResultType]::ParameterName, 'Read a recovery code from standard input instead of an app code')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: no hints or notices on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: no hints or notices on stderr')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'useradm;2fa;recovery-codes' {
            [CompletionResult]::new('--otp', '--otp', [CompletionResultType]::ParameterName, 'otp')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user''s data folder, e.g. ~/.local/share/useradm/useradm.db]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'Read the password from line 1 of standard input')
            [CompletionResult]::new('--otp-stdin', '--otp-stdin', [CompletionResultType]::ParameterName, 'Read the authenticator app''s code from standard input (the line after the password, if that comes first)')
            [CompletionResult]::new('--recovery-code-stdin', '--recovery-code-stdin', [CompletionResultType]::ParameterName, 'Read a recovery code from standard input instead of an app code')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: no hints or notices on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: no hints or notices on stderr')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'useradm;2fa;help' {
            [CompletionResult]::new('enable', 'enable', [CompletionResultType]::ParameterValue, 'Enrol an authenticator app: shows a QR code, then confirms with a current code')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Whether a second factor is enabled, and how many recovery codes are left')
            [CompletionResult]::new('disable', 'disable', [CompletionResultType]::ParameterValue, 'Remove your second factor (asks for the password and a current code)')
            [CompletionResult]::new('recovery-codes', 'recovery-codes', [CompletionResultType]::ParameterValue, 'Print 10 new recovery codes; the old ones stop working (asks for the password and a code)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'useradm;2fa;help;enable' {
            break
        }
        'useradm;2fa;help;status' {
            break
        }
        'useradm;2fa;help;disable' {
            break
        }
        'useradm;2fa;help;recovery-codes' {
            break
        }
        'useradm;2fa;help;help' {
            break
        }
        'useradm;mail' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user''s data folder, e.g. ~/.local/share/useradm/useradm.db]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: no hints or notices on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: no hints or notices on stderr')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'The messages waiting to be sent, with their attempts and last error (never a code)')
            [CompletionResult]::new('retry', 'retry', [CompletionResultType]::ParameterValue, 'Send what waits now (each with a fresh code, through the transport its request chose)')
            [CompletionResult]::new('deliver', 'deliver', [CompletionResultType]::ParameterValue, 'Deliver queued mail: what a request starts after it answered')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'useradm;mail;list' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user''s data folder, e.g. ~/.local/share/useradm/useradm.db]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: no hints or notices on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: no hints or notices on stderr')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'useradm;mail;retry' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user''s data folder, e.g. ~/.local/share/useradm/useradm.db]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--wait', '--wait', [CompletionResultType]::ParameterName, 'Send in this process and wait until nothing is being sent, then report')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: no hints or notices on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: no hints or notices on stderr')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'useradm;mail;deliver' {
            [CompletionResult]::new('--id', '--id', [CompletionResultType]::ParameterName, 'Only this queued message (then whatever else is due)')
            [CompletionResult]::new('--after-pid', '--after-pid', [CompletionResultType]::ParameterName, 'Wait for this process (the request) to end first')
            [CompletionResult]::new('--token-reminder', '--token-reminder', [CompletionResultType]::ParameterName, 'Tell the owner of this API token that it ends soon, if they are owed that')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user''s data folder, e.g. ~/.local/share/useradm/useradm.db]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--now', '--now', [CompletionResultType]::ParameterName, 'Send what waits at once, not only what is due')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: no hints or notices on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: no hints or notices on stderr')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'useradm;mail;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'The messages waiting to be sent, with their attempts and last error (never a code)')
            [CompletionResult]::new('retry', 'retry', [CompletionResultType]::ParameterValue, 'Send what waits now (each with a fresh code, through the transport its request chose)')
            [CompletionResult]::new('deliver', 'deliver', [CompletionResultType]::ParameterValue, 'Deliver queued mail: what a request starts after it answered')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'useradm;mail;help;list' {
            break
        }
        'useradm;mail;help;retry' {
            break
        }
        'useradm;mail;help;deliver' {
            break
        }
        'useradm;mail;help;help' {
            break
        }
        'useradm;backup' {
            [CompletionResult]::new('--out', '--out', [CompletionResultType]::ParameterName, 'The new file (refused when it exists)')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user''s data folder, e.g. ~/.local/share/useradm/useradm.db]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: no hints or notices on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: no hints or notices on stderr')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'useradm;restore' {
            [CompletionResult]::new('--expect-head', '--expect-head', [CompletionResultType]::ParameterName, 'The audit head `backup` printed: the backup''s chain must verify up to it')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user''s data folder, e.g. ~/.local/share/useradm/useradm.db]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Overwrite a store that holds accounts (needs settings.manage there)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'With --force: do not ask')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'With --force: do not ask')
            [CompletionResult]::new('--keep-tokens', '--keep-tokens', [CompletionResultType]::ParameterName, 'Keep the backup''s API tokens (by default every one is revoked: the backup may hold tokens revoked since)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: no hints or notices on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: no hints or notices on stderr')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'useradm;idp' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user''s data folder, e.g. ~/.local/share/useradm/useradm.db]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: no hints or notices on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: no hints or notices on stderr')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add an OpenID Connect provider that offers the device authorization grant')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'The providers (never a client secret)')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'One provider')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove a provider and unlink every identity of it')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'useradm;idp;add' {
            [CompletionResult]::new('--issuer', '--issuer', [CompletionResultType]::ParameterName, 'The issuer URL (https; http only on loopback); its discovery document must offer the device authorization grant')
            [CompletionResult]::new('--client-id', '--client-id', [CompletionResultType]::ParameterName, 'The client id registered at the provider')
            [CompletionResult]::new('--client-secret-file', '--client-secret-file', [CompletionResultType]::ParameterName, 'A confidential client''s secret, on the first line of this file (never on the command line)')
            [CompletionResult]::new('--scopes', '--scopes', [CompletionResultType]::ParameterName, 'Scopes beyond openid')
            [CompletionResult]::new('--allowed-domains', '--allowed-domains', [CompletionResultType]::ParameterName, 'The mail domains this provider is trusted with (linking by address, registration)')
            [CompletionResult]::new('--link-by', '--link-by', [CompletionResultType]::ParameterName, 'How a first sign-in finds its account')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user''s data folder, e.g. ~/.local/share/useradm/useradm.db]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--mfa-by-amr', '--mfa-by-amr', [CompletionResultType]::ParameterName, 'Trust the provider''s `amr` claim for a second factor (mfa.required_roles)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: no hints or notices on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: no hints or notices on stderr')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'useradm;idp;list' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user''s data folder, e.g. ~/.local/share/useradm/useradm.db]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: no hints or notices on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: no hints or notices on stderr')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'useradm;idp;show' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user''s data folder, e.g. ~/.local/share/useradm/useradm.db]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: no hints or notices on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: no hints or notices on stderr')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'useradm;idp;remove' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user''s data folder, e.g. ~/.local/share/useradm/useradm.db]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: no hints or notices on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: no hints or notices on stderr')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'useradm;idp;help' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add an OpenID Connect provider that offers the device authorization grant')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'The providers (never a client secret)')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'One provider')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove a provider and unlink every identity of it')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'useradm;idp;help;add' {
            break
        }
        'useradm;idp;help;list' {
            break
        }
        'useradm;idp;help;show' {
            break
        }
        'useradm;idp;help;remove' {
            break
        }
        'useradm;idp;help;help' {
            break
        }
        'useradm;db' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user''s data folder, e.g. ~/.local/share/useradm/useradm.db]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: no hints or notices on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: no hints or notices on stderr')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('copy', 'copy', [CompletionResultType]::ParameterValue, 'Copy the whole store (ids, hashes, secrets, sessions, tokens, the audit chain) into a new database of either engine, then mark this one as moved: it is never opened again')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'useradm;db;copy' {
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'The new database: a file that does not exist yet, or an empty server database (postgres://USER@HOST[:PORT]/DBNAME[?sslmode=...])')
            [CompletionResult]::new('--to-password-file', '--to-password-file', [CompletionResultType]::ParameterName, 'The target server''s password, on the first line of this file (default: the source''s USERADM_DB_PASSWORD_FILE when the source is a file, then ~/.pgpass)')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user''s data folder, e.g. ~/.local/share/useradm/useradm.db]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--finish', '--finish', [CompletionResultType]::ParameterName, 'Only mark this database as moved to --to, after a copy that stopped between writing the new database and marking this one')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: no hints or notices on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: no hints or notices on stderr')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'useradm;db;help' {
            [CompletionResult]::new('copy', 'copy', [CompletionResultType]::ParameterValue, 'Copy the whole store (ids, hashes, secrets, sessions, tokens, the audit chain) into a new database of either engine, then mark this one as moved: it is never opened again')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'useradm;db;help;copy' {
            break
        }
        'useradm;db;help;help' {
            break
        }
        'useradm;doctor' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user''s data folder, e.g. ~/.local/share/useradm/useradm.db]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--fix', '--fix', [CompletionResultType]::ParameterName, 'Also purge the sessions, codes, sent mail and failure counters past retention.operational now, as the daily purge does; nothing else is changed')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: no hints or notices on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: no hints or notices on stderr')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'useradm;checkpassword' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user''s data folder, e.g. ~/.local/share/useradm/useradm.db]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: no hints or notices on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: no hints or notices on stderr')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'useradm;completions' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user''s data folder, e.g. ~/.local/share/useradm/useradm.db]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: no hints or notices on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: no hints or notices on stderr')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'useradm;man' {
            [CompletionResult]::new('--out-dir', '--out-dir', [CompletionResultType]::ParameterName, 'Folder to write the pages into (created when missing)')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user''s data folder, e.g. ~/.local/share/useradm/useradm.db]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: no hints or notices on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: no hints or notices on stderr')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'useradm;help' {
            [CompletionResult]::new('init', 'init', [CompletionResultType]::ParameterValue, 'Create or migrate the database; optionally create the first administrator')
            [CompletionResult]::new('register', 'register', [CompletionResultType]::ParameterValue, 'Create an account and send its email verification code')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Confirm an email address with the emailed code, or send a fresh code')
            [CompletionResult]::new('login', 'login', [CompletionResultType]::ParameterValue, 'Check a password and open a session for the following commands')
            [CompletionResult]::new('authenticate', 'authenticate', [CompletionResultType]::ParameterValue, 'Check credentials only (exit 0 or 3), without opening a session')
            [CompletionResult]::new('logout', 'logout', [CompletionResultType]::ParameterValue, 'End this session (always succeeds); --all ends every session of the user')
            [CompletionResult]::new('whoami', 'whoami', [CompletionResultType]::ParameterValue, 'Show the logged-in user, roles, permissions and session expiry')
            [CompletionResult]::new('passwd', 'passwd', [CompletionResultType]::ParameterValue, 'Change your own password; ends your other sessions')
            [CompletionResult]::new('reset', 'reset', [CompletionResultType]::ParameterValue, 'Ask for a password reset code, or set a new password with one')
            [CompletionResult]::new('grant', 'grant', [CompletionResultType]::ParameterValue, 'Give roles to a user (needs roles.grant and every permission of the roles)')
            [CompletionResult]::new('revoke', 'revoke', [CompletionResultType]::ParameterValue, 'Take roles from a user (needs roles.grant and every permission of the roles)')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Exit 0 when you (or --email) hold every role and permission named, 5 when not')
            [CompletionResult]::new('roles', 'roles', [CompletionResultType]::ParameterValue, 'Manage roles and their permissions (needs roles.manage)')
            [CompletionResult]::new('users', 'users', [CompletionResultType]::ParameterValue, 'List, show and manage accounts (needs users.read / users.manage)')
            [CompletionResult]::new('sessions', 'sessions', [CompletionResultType]::ParameterValue, 'List and end login sessions (others'' need sessions.manage)')
            [CompletionResult]::new('tokens', 'tokens', [CompletionResultType]::ParameterValue, 'API tokens for CI jobs, used through USERADM_TOKEN')
            [CompletionResult]::new('audit', 'audit', [CompletionResultType]::ParameterValue, 'Read the security event log and prove its integrity (needs audit.read)')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Create or update accounts from CSV, JSON Lines, a Django database, a shadow or an htpasswd file (needs users.manage)')
            [CompletionResult]::new('apply', 'apply', [CompletionResultType]::ParameterValue, 'Converge the store to a declared state (settings, identity providers, roles, accounts) from a TOML or JSON file, in one transaction; --dry-run shows the plan, --check exits 13 on drift')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Write every account (profile, roles, status, email_verified; never a hash) to stdout')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'Read and change the policy settings (needs settings.manage)')
            [CompletionResult]::new('2fa', '2fa', [CompletionResultType]::ParameterValue, 'A second factor (TOTP) for your account, with recovery codes')
            [CompletionResult]::new('mail', 'mail', [CompletionResultType]::ParameterValue, 'Mail sent after answering (reset and verification codes): what waits, and sending it now (needs settings.manage)')
            [CompletionResult]::new('backup', 'backup', [CompletionResultType]::ParameterValue, 'Write a consistent copy of the whole store (every secret it holds) to a new SQLite file, prove it, and print the audit head it holds (needs settings.manage)')
            [CompletionResult]::new('restore', 'restore', [CompletionResultType]::ParameterValue, 'Replace the store with a backup whose audit chain verifies up to HASH; ends every session and revokes the API tokens')
            [CompletionResult]::new('idp', 'idp', [CompletionResultType]::ParameterValue, 'Identity providers for single sign-on (`login --idp`) (needs settings.manage)')
            [CompletionResult]::new('db', 'db', [CompletionResultType]::ParameterValue, 'The database itself: copy it to a new file or server (needs settings.manage)')
            [CompletionResult]::new('doctor', 'doctor', [CompletionResultType]::ParameterValue, 'Check the store and what it depends on, one line per check (ok, warning, problem or skipped) with the fix for each that is not ok (needs settings.manage)')
            [CompletionResult]::new('checkpassword', 'checkpassword', [CompletionResultType]::ParameterValue, 'The checkpassword interface (qmail and its family): reads `user\0password\0timestamp\0` from file descriptor 3; runs PROG with USER and HOME set when the password is right, else exits 1 (2: misuse, 111: a temporary failure)')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print the shell completion script for SHELL to stdout')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Write the man pages (useradm.1 and one per command) into a folder')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'useradm;help;init' {
            break
        }
        'useradm;help;register' {
            break
        }
        'useradm;help;verify' {
            break
        }
        'useradm;help;login' {
            break
        }
        'useradm;help;authenticate' {
            break
        }
        'useradm;help;logout' {
            break
        }
        'useradm;help;whoami' {
            break
        }
        'useradm;help;passwd' {
            break
        }
        'useradm;help;reset' {
            break
        }
        'useradm;help;grant' {
            break
        }
        'useradm;help;revoke' {
            break
        }
        'useradm;help;check' {
            break
        }
        'useradm;help;roles' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List roles with their permissions')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one role')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a role')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a role (its holders lose it; asks on a terminal unless --yes)')
            [CompletionResult]::new('allow', 'allow', [CompletionResultType]::ParameterValue, 'Add permissions to a role')
            [CompletionResult]::new('deny', 'deny', [CompletionResultType]::ParameterValue, 'Remove permissions from a role')
            break
        }
        'useradm;help;roles;list' {
            break
        }
        'useradm;help;roles;show' {
            break
        }
        'useradm;help;roles;create' {
            break
        }
        'useradm;help;roles;delete' {
            break
        }
        'useradm;help;roles;allow' {
            break
        }
        'useradm;help;roles;deny' {
            break
        }
        'useradm;help;users' {
            [CompletionResult]::new('link', 'link', [CompletionResultType]::ParameterValue, 'Link an identity of a provider (its subject, `sub`) to an account')
            [CompletionResult]::new('unlink', 'unlink', [CompletionResultType]::ParameterValue, 'Unlink an account''s identities of a provider')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List accounts')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one account')
            [CompletionResult]::new('update', 'update', [CompletionResultType]::ParameterValue, 'Change names, attributes or the email address (a new address waits for its code)')
            [CompletionResult]::new('disable', 'disable', [CompletionResultType]::ParameterValue, 'Disable an account: ends its sessions and tokens')
            [CompletionResult]::new('enable', 'enable', [CompletionResultType]::ParameterValue, 'Enable a disabled account')
            [CompletionResult]::new('unlock', 'unlock', [CompletionResultType]::ParameterValue, 'Lift a lock from failed logins')
            [CompletionResult]::new('reset-2fa', 'reset-2fa', [CompletionResultType]::ParameterValue, 'Remove an account''s second factor (a lost phone)')
            [CompletionResult]::new('set-password', 'set-password', [CompletionResultType]::ParameterValue, 'Set an account''s password: ends its sessions and revokes its API tokens. With --must-change (the default for a generated one) the user must change it first')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete an account (asks on a terminal unless --yes)')
            break
        }
        'useradm;help;users;link' {
            break
        }
        'useradm;help;users;unlink' {
            break
        }
        'useradm;help;users;list' {
            break
        }
        'useradm;help;users;show' {
            break
        }
        'useradm;help;users;update' {
            break
        }
        'useradm;help;users;disable' {
            break
        }
        'useradm;help;users;enable' {
            break
        }
        'useradm;help;users;unlock' {
            break
        }
        'useradm;help;users;reset-2fa' {
            break
        }
        'useradm;help;users;set-password' {
            break
        }
        'useradm;help;users;delete' {
            break
        }
        'useradm;help;sessions' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List your sessions (--all: everyone''s, needs sessions.manage)')
            [CompletionResult]::new('revoke', 'revoke', [CompletionResultType]::ParameterValue, 'End a session by id')
            break
        }
        'useradm;help;sessions;list' {
            break
        }
        'useradm;help;sessions;revoke' {
            break
        }
        'useradm;help;tokens' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a token (printed once) limited to the listed permissions')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List your tokens (--all: everyone''s, needs sessions.manage)')
            [CompletionResult]::new('revoke', 'revoke', [CompletionResultType]::ParameterValue, 'Revoke a token by id')
            [CompletionResult]::new('remind', 'remind', [CompletionResultType]::ParameterValue, 'Tell the owners of tokens that expire within 7 days, once per token (for a timer; needs sessions.manage)')
            break
        }
        'useradm;help;tokens;create' {
            break
        }
        'useradm;help;tokens;list' {
            break
        }
        'useradm;help;tokens;revoke' {
            break
        }
        'useradm;help;tokens;remind' {
            break
        }
        'useradm;help;audit' {
            [CompletionResult]::new('head', 'head', [CompletionResultType]::ParameterValue, 'Print the newest link of the chain, to anchor it elsewhere')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Check the whole chain (exit 12 names the first broken link)')
            break
        }
        'useradm;help;audit;head' {
            break
        }
        'useradm;help;audit;verify' {
            break
        }
        'useradm;help;import' {
            break
        }
        'useradm;help;apply' {
            break
        }
        'useradm;help;export' {
            break
        }
        'useradm;help;config' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Show every setting with its value and default')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Print one setting''s value')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Change a setting (validated; a bad value changes nothing)')
            break
        }
        'useradm;help;config;list' {
            break
        }
        'useradm;help;config;get' {
            break
        }
        'useradm;help;config;set' {
            break
        }
        'useradm;help;2fa' {
            [CompletionResult]::new('enable', 'enable', [CompletionResultType]::ParameterValue, 'Enrol an authenticator app: shows a QR code, then confirms with a current code')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Whether a second factor is enabled, and how many recovery codes are left')
            [CompletionResult]::new('disable', 'disable', [CompletionResultType]::ParameterValue, 'Remove your second factor (asks for the password and a current code)')
            [CompletionResult]::new('recovery-codes', 'recovery-codes', [CompletionResultType]::ParameterValue, 'Print 10 new recovery codes; the old ones stop working (asks for the password and a code)')
            break
        }
        'useradm;help;2fa;enable' {
            break
        }
        'useradm;help;2fa;status' {
            break
        }
        'useradm;help;2fa;disable' {
            break
        }
        'useradm;help;2fa;recovery-codes' {
            break
        }
        'useradm;help;mail' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'The messages waiting to be sent, with their attempts and last error (never a code)')
            [CompletionResult]::new('retry', 'retry', [CompletionResultType]::ParameterValue, 'Send what waits now (each with a fresh code, through the transport its request chose)')
            [CompletionResult]::new('deliver', 'deliver', [CompletionResultType]::ParameterValue, 'Deliver queued mail: what a request starts after it answered')
            break
        }
        'useradm;help;mail;list' {
            break
        }
        'useradm;help;mail;retry' {
            break
        }
        'useradm;help;mail;deliver' {
            break
        }
        'useradm;help;backup' {
            break
        }
        'useradm;help;restore' {
            break
        }
        'useradm;help;idp' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add an OpenID Connect provider that offers the device authorization grant')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'The providers (never a client secret)')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'One provider')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove a provider and unlink every identity of it')
            break
        }
        'useradm;help;idp;add' {
            break
        }
        'useradm;help;idp;list' {
            break
        }
        'useradm;help;idp;show' {
            break
        }
        'useradm;help;idp;remove' {
            break
        }
        'useradm;help;db' {
            [CompletionResult]::new('copy', 'copy', [CompletionResultType]::ParameterValue, 'Copy the whole store (ids, hashes, secrets, sessions, tokens, the audit chain) into a new database of either engine, then mark this one as moved: it is never opened again')
            break
        }
        'useradm;help;db;copy' {
            break
        }
        'useradm;help;doctor' {
            break
        }
        'useradm;help;checkpassword' {
            break
        }
        'useradm;help;completions' {
            break
        }
        'useradm;help;man' {
            break
        }
        'useradm;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
