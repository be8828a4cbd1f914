# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_useradm_global_optspecs
    string join \n db= json q/quiet no-input color= h/help V/version
end

function __fish_useradm_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_useradm_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_useradm_using_subcommand
    set -l cmd (__fish_useradm_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c useradm -n "__fish_useradm_needs_command" -l db -d 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user\'s data folder, e.g. ~/.local/share/useradm/useradm.db]' -r -F
complete -c useradm -n "__fish_useradm_needs_command" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c useradm -n "__fish_useradm_needs_command" -l json -d 'Print exactly one JSON document on stdout (errors as JSON on stderr)'
complete -c useradm -n "__fish_useradm_needs_command" -s q -l quiet -d 'Print only what was asked for: no hints or notices on stderr'
complete -c useradm -n "__fish_useradm_needs_command" -l no-input -d 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)'
complete -c useradm -n "__fish_useradm_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c useradm -n "__fish_useradm_needs_command" -s V -l version -d 'Print version'
complete -c useradm -n "__fish_useradm_needs_command" -f -a "init" -d 'Create or migrate the database; optionally create the first administrator'
complete -c useradm -n "__fish_useradm_needs_command" -f -a "register" -d 'Create an account and send its email verification code'
complete -c useradm -n "__fish_useradm_needs_command" -f -a "verify" -d 'Confirm an email address with the emailed code, or send a fresh code'
complete -c useradm -n "__fish_useradm_needs_command" -f -a "login" -d 'Check a password and open a session for the following commands'
complete -c useradm -n "__fish_useradm_needs_command" -f -a "authenticate" -d 'Check credentials only (exit 0 or 3), without opening a session'
complete -c useradm -n "__fish_useradm_needs_command" -f -a "logout" -d 'End this session (always succeeds); --all ends every session of the user'
complete -c useradm -n "__fish_useradm_needs_command" -f -a "whoami" -d 'Show the logged-in user, roles, permissions and session expiry'
complete -c useradm -n "__fish_useradm_needs_command" -f -a "passwd" -d 'Change your own password; ends your other sessions'
complete -c useradm -n "__fish_useradm_needs_command" -f -a "reset" -d 'Ask for a password reset code, or set a new password with one'
complete -c useradm -n "__fish_useradm_needs_command" -f -a "grant" -d 'Give roles to a user (needs roles.grant and every permission of the roles)'
complete -c useradm -n "__fish_useradm_needs_command" -f -a "revoke" -d 'Take roles from a user (needs roles.grant and every permission of the roles)'
complete -c useradm -n "__fish_useradm_needs_command" -f -a "check" -d 'Exit 0 when you (or --email) hold every role and permission named, 5 when not'
complete -c useradm -n "__fish_useradm_needs_command" -f -a "roles" -d 'Manage roles and their permissions (needs roles.manage)'
complete -c useradm -n "__fish_useradm_needs_command" -f -a "users" -d 'List, show and manage accounts (needs users.read / users.manage)'
complete -c useradm -n "__fish_useradm_needs_command" -f -a "sessions" -d 'List and end login sessions (others\' need sessions.manage)'
complete -c useradm -n "__fish_useradm_needs_command" -f -a "tokens" -d 'API tokens for CI jobs, used through USERADM_TOKEN'
complete -c useradm -n "__fish_useradm_needs_command" -f -a "audit" -d 'Read the security event log and prove its integrity (needs audit.read)'
complete -c useradm -n "__fish_useradm_needs_command" -f -a "import" -d 'Create or update accounts from CSV, JSON Lines, a Django database, a shadow or an htpasswd file (needs users.manage)'
complete -c useradm -n "__fish_useradm_needs_command" -f -a "apply" -d 'Converge the store to a declared state (settings, identity providers, roles, accounts) from a TOML or JSON file, in one transaction; --dry-run shows the plan, --check exits 13 on drift'
complete -c useradm -n "__fish_useradm_needs_command" -f -a "export" -d 'Write every account (profile, roles, status, email_verified; never a hash) to stdout'
complete -c useradm -n "__fish_useradm_needs_command" -f -a "config" -d 'Read and change the policy settings (needs settings.manage)'
complete -c useradm -n "__fish_useradm_needs_command" -f -a "2fa" -d 'A second factor (TOTP) for your account, with recovery codes'
complete -c useradm -n "__fish_useradm_needs_command" -f -a "mail" -d 'Mail sent after answering (reset and verification codes): what waits, and sending it now (needs settings.manage)'
complete -c useradm -n "__fish_useradm_needs_command" -f -a "backup" -d 'Write a consistent copy of the whole store (every secret it holds) to a new SQLite file, prove it, and print the audit head it holds (needs settings.manage)'
complete -c useradm -n "__fish_useradm_needs_command" -f -a "restore" -d 'Replace the store with a backup whose audit chain verifies up to HASH; ends every session and revokes the API tokens'
complete -c useradm -n "__fish_useradm_needs_command" -f -a "idp" -d 'Identity providers for single sign-on (`login --idp`) (needs settings.manage)'
complete -c useradm -n "__fish_useradm_needs_command" -f -a "db" -d 'The database itself: copy it to a new file or server (needs settings.manage)'
complete -c useradm -n "__fish_useradm_needs_command" -f -a "doctor" -d 'Check the store and what it depends on, one line per check (ok, warning, problem or skipped) with the fix for each that is not ok (needs settings.manage)'
complete -c useradm -n "__fish_useradm_needs_command" -f -a "checkpassword" -d 'The checkpassword interface (qmail and its family): reads `user\\0password\\0timestamp\\0` from file descriptor 3; runs PROG with USER and HOME set when the password is right, else exits 1 (2: misuse, 111: a temporary failure)'
complete -c useradm -n "__fish_useradm_needs_command" -f -a "completions" -d 'Print the shell completion script for SHELL to stdout'
complete -c useradm -n "__fish_useradm_needs_command" -f -a "man" -d 'Write the man pages (useradm.1 and one per command) into a folder'
complete -c useradm -n "__fish_useradm_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c useradm -n "__fish_useradm_using_subcommand init" -l admin -d 'Also create the first administrator with this email (verified, role admin)' -r
complete -c useradm -n "__fish_useradm_using_subcommand init" -l password-file -d 'Read the password from the first line of a file' -r -F
complete -c useradm -n "__fish_useradm_using_subcommand init" -l group -d 'Share the database with this group of administrators (files 0660, folder 0770)' -r
complete -c useradm -n "__fish_useradm_using_subcommand init" -l db -d 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user\'s data folder, e.g. ~/.local/share/useradm/useradm.db]' -r -F
complete -c useradm -n "__fish_useradm_using_subcommand init" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c useradm -n "__fish_useradm_using_subcommand init" -l password-stdin -d 'Read the password from the first line of standard input'
complete -c useradm -n "__fish_useradm_using_subcommand init" -l exists-ok -d 'Succeed when an administrator already exists'
complete -c useradm -n "__fish_useradm_using_subcommand init" -l json -d 'Print exactly one JSON document on stdout (errors as JSON on stderr)'
complete -c useradm -n "__fish_useradm_using_subcommand init" -s q -l quiet -d 'Print only what was asked for: no hints or notices on stderr'
complete -c useradm -n "__fish_useradm_using_subcommand init" -l no-input -d 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)'
complete -c useradm -n "__fish_useradm_using_subcommand init" -s h -l help -d 'Print help'
complete -c useradm -n "__fish_useradm_using_subcommand init" -s V -l version -d 'Print version'
complete -c useradm -n "__fish_useradm_using_subcommand register" -l email -d 'Email address of the new account (asked on a terminal when missing)' -r
complete -c useradm -n "__fish_useradm_using_subcommand register" -l first-name -d 'First name' -r
complete -c useradm -n "__fish_useradm_using_subcommand register" -l last-name -d 'Last name' -r
complete -c useradm -n "__fish_useradm_using_subcommand register" -l attr -d 'Extra attribute stored with the account (repeatable)' -r
complete -c useradm -n "__fish_useradm_using_subcommand register" -l password-file -d 'Read the password from the first line of a file' -r -F
complete -c useradm -n "__fish_useradm_using_subcommand register" -l role -d 'Give a role to the new account (needs users.manage and every permission of the role)' -r
complete -c useradm -n "__fish_useradm_using_subcommand register" -l db -d 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user\'s data folder, e.g. ~/.local/share/useradm/useradm.db]' -r -F
complete -c useradm -n "__fish_useradm_using_subcommand register" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c useradm -n "__fish_useradm_using_subcommand register" -l password-stdin -d 'Read the password from the first line of standard input'
complete -c useradm -n "__fish_useradm_using_subcommand register" -l generate-password -d 'Generate a strong password and print it once'
complete -c useradm -n "__fish_useradm_using_subcommand register" -l verified -d 'Mark the email as verified and send no code (needs users.manage)'
complete -c useradm -n "__fish_useradm_using_subcommand register" -l exists-ok -d 'Succeed without changes when the email is already registered'
complete -c useradm -n "__fish_useradm_using_subcommand register" -l json -d 'Print exactly one JSON document on stdout (errors as JSON on stderr)'
complete -c useradm -n "__fish_useradm_using_subcommand register" -s q -l quiet -d 'Print only what was asked for: no hints or notices on stderr'
complete -c useradm -n "__fish_useradm_using_subcommand register" -l no-input -d 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)'
complete -c useradm -n "__fish_useradm_using_subcommand register" -s h -l help -d 'Print help'
complete -c useradm -n "__fish_useradm_using_subcommand register" -s V -l version -d 'Print version'
complete -c useradm -n "__fish_useradm_using_subcommand verify" -l email -d 'Email address to confirm (asked on a terminal when missing)' -r
complete -c useradm -n "__fish_useradm_using_subcommand verify" -l code -r
complete -c useradm -n "__fish_useradm_using_subcommand verify" -l db -d 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user\'s data folder, e.g. ~/.local/share/useradm/useradm.db]' -r -F
complete -c useradm -n "__fish_useradm_using_subcommand verify" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c useradm -n "__fish_useradm_using_subcommand verify" -l code-stdin -d 'Read the code from the first line of standard input (else it is asked on a terminal)'
complete -c useradm -n "__fish_useradm_using_subcommand verify" -l resend -d 'Send a fresh code instead (the older one stops working)'
complete -c useradm -n "__fish_useradm_using_subcommand verify" -l json -d 'Print exactly one JSON document on stdout (errors as JSON on stderr)'
complete -c useradm -n "__fish_useradm_using_subcommand verify" -s q -l quiet -d 'Print only what was asked for: no hints or notices on stderr'
complete -c useradm -n "__fish_useradm_using_subcommand verify" -l no-input -d 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)'
complete -c useradm -n "__fish_useradm_using_subcommand verify" -s h -l help -d 'Print help'
complete -c useradm -n "__fish_useradm_using_subcommand verify" -s V -l version -d 'Print version'
complete -c useradm -n "__fish_useradm_using_subcommand login" -l email -d 'Email address (asked on a terminal when missing)' -r
complete -c useradm -n "__fish_useradm_using_subcommand login" -l idp -d 'Sign in with this identity provider instead (the device flow: a code to approve in any browser); see `useradm idp`' -r
complete -c useradm -n "__fish_useradm_using_subcommand login" -l password-file -d 'Read the password from the first line of a file' -r -F
complete -c useradm -n "__fish_useradm_using_subcommand login" -l otp -r
complete -c useradm -n "__fish_useradm_using_subcommand login" -l db -d 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user\'s data folder, e.g. ~/.local/share/useradm/useradm.db]' -r -F
complete -c useradm -n "__fish_useradm_using_subcommand login" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c useradm -n "__fish_useradm_using_subcommand login" -l password-stdin -d 'Read the password from the first line of standard input'
complete -c useradm -n "__fish_useradm_using_subcommand login" -l otp-stdin -d 'Read the authenticator app\'s code from standard input (the line after the password, if that comes first)'
complete -c useradm -n "__fish_useradm_using_subcommand login" -l recovery-code-stdin -d 'Read a recovery code from standard input instead of an app code'
complete -c useradm -n "__fish_useradm_using_subcommand login" -l json -d 'Print exactly one JSON document on stdout (errors as JSON on stderr)'
complete -c useradm -n "__fish_useradm_using_subcommand login" -s q -l quiet -d 'Print only what was asked for: no hints or notices on stderr'
complete -c useradm -n "__fish_useradm_using_subcommand login" -l no-input -d 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)'
complete -c useradm -n "__fish_useradm_using_subcommand login" -s h -l help -d 'Print help'
complete -c useradm -n "__fish_useradm_using_subcommand login" -s V -l version -d 'Print version'
complete -c useradm -n "__fish_useradm_using_subcommand authenticate" -l email -d 'Email address' -r
complete -c useradm -n "__fish_useradm_using_subcommand authenticate" -l email-domain -d 'With --pam: the domain of a PAM_USER without one (alice -> alice@DOMAIN)' -r
complete -c useradm -n "__fish_useradm_using_subcommand authenticate" -l password-file -d 'Read the password from the first line of a file' -r -F
complete -c useradm -n "__fish_useradm_using_subcommand authenticate" -l otp -r
complete -c useradm -n "__fish_useradm_using_subcommand authenticate" -l db -d 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user\'s data folder, e.g. ~/.local/share/useradm/useradm.db]' -r -F
complete -c useradm -n "__fish_useradm_using_subcommand authenticate" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c useradm -n "__fish_useradm_using_subcommand authenticate" -l pam -d 'Speak pam_exec\'s conventions: the user from PAM_USER, the password from standard input (expose_authtok), PAM_TYPE auth or account; every refusal is exit 1 and prints nothing'
complete -c useradm -n "__fish_useradm_using_subcommand authenticate" -l password-stdin -d 'Read the password from the first line of standard input'
complete -c useradm -n "__fish_useradm_using_subcommand authenticate" -l otp-stdin -d 'Read the authenticator app\'s code from standard input (the line after the password, if that comes first)'
complete -c useradm -n "__fish_useradm_using_subcommand authenticate" -l recovery-code-stdin -d 'Read a recovery code from standard input instead of an app code'
complete -c useradm -n "__fish_useradm_using_subcommand authenticate" -l json -d 'Print exactly one JSON document on stdout (errors as JSON on stderr)'
complete -c useradm -n "__fish_useradm_using_subcommand authenticate" -s q -l quiet -d 'Print only what was asked for: no hints or notices on stderr'
complete -c useradm -n "__fish_useradm_using_subcommand authenticate" -l no-input -d 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)'
complete -c useradm -n "__fish_useradm_using_subcommand authenticate" -s h -l help -d 'Print help'
complete -c useradm -n "__fish_useradm_using_subcommand authenticate" -s V -l version -d 'Print version'
complete -c useradm -n "__fish_useradm_using_subcommand logout" -l db -d 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user\'s data folder, e.g. ~/.local/share/useradm/useradm.db]' -r -F
complete -c useradm -n "__fish_useradm_using_subcommand logout" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c useradm -n "__fish_useradm_using_subcommand logout" -l all -d 'End every session of this user, on every machine'
complete -c useradm -n "__fish_useradm_using_subcommand logout" -l json -d 'Print exactly one JSON document on stdout (errors as JSON on stderr)'
complete -c useradm -n "__fish_useradm_using_subcommand logout" -s q -l quiet -d 'Print only what was asked for: no hints or notices on stderr'
complete -c useradm -n "__fish_useradm_using_subcommand logout" -l no-input -d 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)'
complete -c useradm -n "__fish_useradm_using_subcommand logout" -s h -l help -d 'Print help'
complete -c useradm -n "__fish_useradm_using_subcommand logout" -s V -l version -d 'Print version'
complete -c useradm -n "__fish_useradm_using_subcommand whoami" -l db -d 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user\'s data folder, e.g. ~/.local/share/useradm/useradm.db]' -r -F
complete -c useradm -n "__fish_useradm_using_subcommand whoami" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c useradm -n "__fish_useradm_using_subcommand whoami" -l json -d 'Print exactly one JSON document on stdout (errors as JSON on stderr)'
complete -c useradm -n "__fish_useradm_using_subcommand whoami" -s q -l quiet -d 'Print only what was asked for: no hints or notices on stderr'
complete -c useradm -n "__fish_useradm_using_subcommand whoami" -l no-input -d 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)'
complete -c useradm -n "__fish_useradm_using_subcommand whoami" -s h -l help -d 'Print help'
complete -c useradm -n "__fish_useradm_using_subcommand whoami" -s V -l version -d 'Print version'
complete -c useradm -n "__fish_useradm_using_subcommand passwd" -l db -d 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user\'s data folder, e.g. ~/.local/share/useradm/useradm.db]' -r -F
complete -c useradm -n "__fish_useradm_using_subcommand passwd" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c useradm -n "__fish_useradm_using_subcommand passwd" -l password-stdin -d 'Read line 1 (current password) and line 2 (new password) from standard input'
complete -c useradm -n "__fish_useradm_using_subcommand passwd" -l revoke-tokens -d 'Also revoke your API tokens (asked on a terminal; scripts keep them unless they pass this)'
complete -c useradm -n "__fish_useradm_using_subcommand passwd" -l json -d 'Print exactly one JSON document on stdout (errors as JSON on stderr)'
complete -c useradm -n "__fish_useradm_using_subcommand passwd" -s q -l quiet -d 'Print only what was asked for: no hints or notices on stderr'
complete -c useradm -n "__fish_useradm_using_subcommand passwd" -l no-input -d 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)'
complete -c useradm -n "__fish_useradm_using_subcommand passwd" -s h -l help -d 'Print help'
complete -c useradm -n "__fish_useradm_using_subcommand passwd" -s V -l version -d 'Print version'
complete -c useradm -n "__fish_useradm_using_subcommand reset" -l email -d 'Email address of the account' -r
complete -c useradm -n "__fish_useradm_using_subcommand reset" -l password-file -d 'Read the password from the first line of a file' -r -F
complete -c useradm -n "__fish_useradm_using_subcommand reset" -l code -r
complete -c useradm -n "__fish_useradm_using_subcommand reset" -l db -d 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user\'s data folder, e.g. ~/.local/share/useradm/useradm.db]' -r -F
complete -c useradm -n "__fish_useradm_using_subcommand reset" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c useradm -n "__fish_useradm_using_subcommand reset" -l confirm -d 'I hold a code: ask for it (and the new password) instead of requesting a new code'
complete -c useradm -n "__fish_useradm_using_subcommand reset" -l code-stdin -d 'Read the code from line 1 of standard input (then the password from the next line); implies --confirm'
complete -c useradm -n "__fish_useradm_using_subcommand reset" -l password-stdin -d 'Read the password from the first line of standard input'
complete -c useradm -n "__fish_useradm_using_subcommand reset" -l json -d 'Print exactly one JSON document on stdout (errors as JSON on stderr)'
complete -c useradm -n "__fish_useradm_using_subcommand reset" -s q -l quiet -d 'Print only what was asked for: no hints or notices on stderr'
complete -c useradm -n "__fish_useradm_using_subcommand reset" -l no-input -d 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)'
complete -c useradm -n "__fish_useradm_using_subcommand reset" -s h -l help -d 'Print help'
complete -c useradm -n "__fish_useradm_using_subcommand reset" -s V -l version -d 'Print version'
complete -c useradm -n "__fish_useradm_using_subcommand grant" -l email -d 'Email address of the user' -r
complete -c useradm -n "__fish_useradm_using_subcommand grant" -l role -d 'Role to give or take (repeatable)' -r
complete -c useradm -n "__fish_useradm_using_subcommand grant" -l db -d 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user\'s data folder, e.g. ~/.local/share/useradm/useradm.db]' -r -F
complete -c useradm -n "__fish_useradm_using_subcommand grant" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c useradm -n "__fish_useradm_using_subcommand grant" -l password-stdin -d 'Giving a role that holds `*` needs your password proven in the last 5 minutes: read it from standard input (and a second-factor code from the next line, where you have one)'
complete -c useradm -n "__fish_useradm_using_subcommand grant" -l json -d 'Print exactly one JSON document on stdout (errors as JSON on stderr)'
complete -c useradm -n "__fish_useradm_using_subcommand grant" -s q -l quiet -d 'Print only what was asked for: no hints or notices on stderr'
complete -c useradm -n "__fish_useradm_using_subcommand grant" -l no-input -d 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)'
complete -c useradm -n "__fish_useradm_using_subcommand grant" -s h -l help -d 'Print help'
complete -c useradm -n "__fish_useradm_using_subcommand grant" -s V -l version -d 'Print version'
complete -c useradm -n "__fish_useradm_using_subcommand revoke" -l email -d 'Email address of the user' -r
complete -c useradm -n "__fish_useradm_using_subcommand revoke" -l role -d 'Role to give or take (repeatable)' -r
complete -c useradm -n "__fish_useradm_using_subcommand revoke" -l db -d 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user\'s data folder, e.g. ~/.local/share/useradm/useradm.db]' -r -F
complete -c useradm -n "__fish_useradm_using_subcommand revoke" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c useradm -n "__fish_useradm_using_subcommand revoke" -l password-stdin -d 'Giving a role that holds `*` needs your password proven in the last 5 minutes: read it from standard input (and a second-factor code from the next line, where you have one)'
complete -c useradm -n "__fish_useradm_using_subcommand revoke" -l json -d 'Print exactly one JSON document on stdout (errors as JSON on stderr)'
complete -c useradm -n "__fish_useradm_using_subcommand revoke" -s q -l quiet -d 'Print only what was asked for: no hints or notices on stderr'
complete -c useradm -n "__fish_useradm_using_subcommand revoke" -l no-input -d 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)'
complete -c useradm -n "__fish_useradm_using_subcommand revoke" -s h -l help -d 'Print help'
complete -c useradm -n "__fish_useradm_using_subcommand revoke" -s V -l version -d 'Print version'
complete -c useradm -n "__fish_useradm_using_subcommand check" -l role -d 'A role that must be held (repeatable)' -r
complete -c useradm -n "__fish_useradm_using_subcommand check" -l permission -d 'A permission that must be held (repeatable)' -r
complete -c useradm -n "__fish_useradm_using_subcommand check" -l email -d 'Check this user instead of yourself (needs users.read)' -r
complete -c useradm -n "__fish_useradm_using_subcommand check" -l db -d 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user\'s data folder, e.g. ~/.local/share/useradm/useradm.db]' -r -F
complete -c useradm -n "__fish_useradm_using_subcommand check" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c useradm -n "__fish_useradm_using_subcommand check" -l explain -d 'Say which role grants each one, or that it is missing'
complete -c useradm -n "__fish_useradm_using_subcommand check" -l json -d 'Print exactly one JSON document on stdout (errors as JSON on stderr)'
complete -c useradm -n "__fish_useradm_using_subcommand check" -s q -l quiet -d 'Print only what was asked for: no hints or notices on stderr'
complete -c useradm -n "__fish_useradm_using_subcommand check" -l no-input -d 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)'
complete -c useradm -n "__fish_useradm_using_subcommand check" -s h -l help -d 'Print help'
complete -c useradm -n "__fish_useradm_using_subcommand check" -s V -l version -d 'Print version'
complete -c useradm -n "__fish_useradm_using_subcommand roles; and not __fish_seen_subcommand_from list show create delete allow deny help" -l db -d 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user\'s data folder, e.g. ~/.local/share/useradm/useradm.db]' -r -F
complete -c useradm -n "__fish_useradm_using_subcommand roles; and not __fish_seen_subcommand_from list show create delete allow deny help" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c useradm -n "__fish_useradm_using_subcommand roles; and not __fish_seen_subcommand_from list show create delete allow deny help" -l json -d 'Print exactly one JSON document on stdout (errors as JSON on stderr)'
complete -c useradm -n "__fish_useradm_using_subcommand roles; and not __fish_seen_subcommand_from list show create delete allow deny help" -s q -l quiet -d 'Print only what was asked for: no hints or notices on stderr'
complete -c useradm -n "__fish_useradm_using_subcommand roles; and not __fish_seen_subcommand_from list show create delete allow deny help" -l no-input -d 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)'
complete -c useradm -n "__fish_useradm_using_subcommand roles; and not __fish_seen_subcommand_from list show create delete allow deny help" -s h -l help -d 'Print help'
complete -c useradm -n "__fish_useradm_using_subcommand roles; and not __fish_seen_subcommand_from list show create delete allow deny help" -s V -l version -d 'Print version'
complete -c useradm -n "__fish_useradm_using_subcommand roles; and not __fish_seen_subcommand_from list show create delete allow deny help" -f -a "list" -d 'List roles with their permissions'
complete -c useradm -n "__fish_useradm_using_subcommand roles; and not __fish_seen_subcommand_from list show create delete allow deny help" -f -a "show" -d 'Show one role'
complete -c useradm -n "__fish_useradm_using_subcommand roles; and not __fish_seen_subcommand_from list show create delete allow deny help" -f -a "create" -d 'Create a role'
complete -c useradm -n "__fish_useradm_using_subcommand roles; and not __fish_seen_subcommand_from list show create delete allow deny help" -f -a "delete" -d 'Delete a role (its holders lose it; asks on a terminal unless --yes)'
complete -c useradm -n "__fish_useradm_using_subcommand roles; and not __fish_seen_subcommand_from list show create delete allow deny help" -f -a "allow" -d 'Add permissions to a role'
complete -c useradm -n "__fish_useradm_using_subcommand roles; and not __fish_seen_subcommand_from list show create delete allow deny help" -f -a "deny" -d 'Remove permissions from a role'
complete -c useradm -n "__fish_useradm_using_subcommand roles; and not __fish_seen_subcommand_from list show create delete allow deny help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c useradm -n "__fish_useradm_using_subcommand roles; and __fish_seen_subcommand_from list" -l db -d 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user\'s data folder, e.g. ~/.local/share/useradm/useradm.db]' -r -F
complete -c useradm -n "__fish_useradm_using_subcommand roles; and __fish_seen_subcommand_from list" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c useradm -n "__fish_useradm_using_subcommand roles; and __fish_seen_subcommand_from list" -l json -d 'Print exactly one JSON document on stdout (errors as JSON on stderr)'
complete -c useradm -n "__fish_useradm_using_subcommand roles; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only what was asked for: no hints or notices on stderr'
complete -c useradm -n "__fish_useradm_using_subcommand roles; and __fish_seen_subcommand_from list" -l no-input -d 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)'
complete -c useradm -n "__fish_useradm_using_subcommand roles; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c useradm -n "__fish_useradm_using_subcommand roles; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c useradm -n "__fish_useradm_using_subcommand roles; and __fish_seen_subcommand_from show" -l db -d 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user\'s data folder, e.g. ~/.local/share/useradm/useradm.db]' -r -F
complete -c useradm -n "__fish_useradm_using_subcommand roles; and __fish_seen_subcommand_from show" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c useradm -n "__fish_useradm_using_subcommand roles; and __fish_seen_subcommand_from show" -l json -d 'Print exactly one JSON document on stdout (errors as JSON on stderr)'
complete -c useradm -n "__fish_useradm_using_subcommand roles; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Print only what was asked for: no hints or notices on stderr'
complete -c useradm -n "__fish_useradm_using_subcommand roles; and __fish_seen_subcommand_from show" -l no-input -d 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)'
complete -c useradm -n "__fish_useradm_using_subcommand roles; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help'
complete -c useradm -n "__fish_useradm_using_subcommand roles; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c useradm -n "__fish_useradm_using_subcommand roles; and __fish_seen_subcommand_from create" -l permission -d 'Permission of the role (repeatable)' -r
complete -c useradm -n "__fish_useradm_using_subcommand roles; and __fish_seen_subcommand_from create" -l description -d 'What the role is for' -r
complete -c useradm -n "__fish_useradm_using_subcommand roles; and __fish_seen_subcommand_from create" -l db -d 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user\'s data folder, e.g. ~/.local/share/useradm/useradm.db]' -r -F
complete -c useradm -n "__fish_useradm_using_subcommand roles; and __fish_seen_subcommand_from create" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c useradm -n "__fish_useradm_using_subcommand roles; and __fish_seen_subcommand_from create" -l exists-ok -d 'Succeed without changes when the role exists'
complete -c useradm -n "__fish_useradm_using_subcommand roles; and __fish_seen_subcommand_from create" -l json -d 'Print exactly one JSON document on stdout (errors as JSON on stderr)'
complete -c useradm -n "__fish_useradm_using_subcommand roles; and __fish_seen_subcommand_from create" -s q -l quiet -d 'Print only what was asked for: no hints or notices on stderr'
complete -c useradm -n "__fish_useradm_using_subcommand roles; and __fish_seen_subcommand_from create" -l no-input -d 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)'
complete -c useradm -n "__fish_useradm_using_subcommand roles; and __fish_seen_subcommand_from create" -s h -l help -d 'Print help'
complete -c useradm -n "__fish_useradm_using_subcommand roles; and __fish_seen_subcommand_from create" -s V -l version -d 'Print version'
complete -c useradm -n "__fish_useradm_using_subcommand roles; and __fish_seen_subcommand_from delete" -l db -d 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user\'s data folder, e.g. ~/.local/share/useradm/useradm.db]' -r -F
complete -c useradm -n "__fish_useradm_using_subcommand roles; and __fish_seen_subcommand_from delete" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c useradm -n "__fish_useradm_using_subcommand roles; and __fish_seen_subcommand_from delete" -l yes -d 'Do not ask for confirmation'
complete -c useradm -n "__fish_useradm_using_subcommand roles; and __fish_seen_subcommand_from delete" -l json -d 'Print exactly one JSON document on stdout (errors as JSON on stderr)'
complete -c useradm -n "__fish_useradm_using_subcommand roles; and __fish_seen_subcommand_from delete" -s q -l quiet -d 'Print only what was asked for: no hints or notices on stderr'
complete -c useradm -n "__fish_useradm_using_subcommand roles; and __fish_seen_subcommand_from delete" -l no-input -d 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)'
complete -c useradm -n "__fish_useradm_using_subcommand roles; and __fish_seen_subcommand_from delete" -s h -l help -d 'Print help'
complete -c useradm -n "__fish_useradm_using_subcommand roles; and __fish_seen_subcommand_from delete" -s V -l version -d 'Print version'
complete -c useradm -n "__fish_useradm_using_subcommand roles; and __fish_seen_subcommand_from allow" -l db -d 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user\'s data folder, e.g. ~/.local/share/useradm/useradm.db]' -r -F
complete -c useradm -n "__fish_useradm_using_subcommand roles; and __fish_seen_subcommand_from allow" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c useradm -n "__fish_useradm_using_subcommand roles; and __fish_seen_subcommand_from allow" -l password-stdin -d 'Allowing `*` needs your password proven in the last 5 minutes: read it from standard input (and a second-factor code from the next line, where you have one)'
complete -c useradm -n "__fish_useradm_using_subcommand roles; and __fish_seen_subcommand_from allow" -l json -d 'Print exactly one JSON document on stdout (errors as JSON on stderr)'
complete -c useradm -n "__fish_useradm_using_subcommand roles; and __fish_seen_subcommand_from allow" -s q -l quiet -d 'Print only what was asked for: no hints or notices on stderr'
complete -c useradm -n "__fish_useradm_using_subcommand roles; and __fish_seen_subcommand_from allow" -l no-input -d 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)'
complete -c useradm -n "__fish_useradm_using_subcommand roles; and __fish_seen_subcommand_from allow" -s h -l help -d 'Print help'
complete -c useradm -n "__fish_useradm_using_subcommand roles; and __fish_seen_subcommand_from allow" -s V -l version -d 'Print version'
complete -c useradm -n "__fish_useradm_using_subcommand roles; and __fish_seen_subcommand_from deny" -l db -d 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user\'s data folder, e.g. ~/.local/share/useradm/useradm.db]' -r -F
complete -c useradm -n "__fish_useradm_using_subcommand roles; and __fish_seen_subcommand_from deny" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c useradm -n "__fish_useradm_using_subcommand roles; and __fish_seen_subcommand_from deny" -l json -d 'Print exactly one JSON document on stdout (errors as JSON on stderr)'
complete -c useradm -n "__fish_useradm_using_subcommand roles; and __fish_seen_subcommand_from deny" -s q -l quiet -d 'Print only what was asked for: no hints or notices on stderr'
complete -c useradm -n "__fish_useradm_using_subcommand roles; and __fish_seen_subcommand_from deny" -l no-input -d 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)'
complete -c useradm -n "__fish_useradm_using_subcommand roles; and __fish_seen_subcommand_from deny" -s h -l help -d 'Print help'
complete -c useradm -n "__fish_useradm_using_subcommand roles; and __fish_seen_subcommand_from deny" -s V -l version -d 'Print version'
complete -c useradm -n "__fish_useradm_using_subcommand roles; and __fish_seen_subcommand_from help" -f -a "list" -d 'List roles with their permissions'
complete -c useradm -n "__fish_useradm_using_subcommand roles; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show one role'
complete -c useradm -n "__fish_useradm_using_subcommand roles; and __fish_seen_subcommand_from help" -f -a "create" -d 'Create a role'
complete -c useradm -n "__fish_useradm_using_subcommand roles; and __fish_seen_subcommand_from help" -f -a "delete" -d 'Delete a role (its holders lose it; asks on a terminal unless --yes)'
complete -c useradm -n "__fish_useradm_using_subcommand roles; and __fish_seen_subcommand_from help" -f -a "allow" -d 'Add permissions to a role'
complete -c useradm -n "__fish_useradm_using_subcommand roles; and __fish_seen_subcommand_from help" -f -a "deny" -d 'Remove permissions from a role'
complete -c useradm -n "__fish_useradm_using_subcommand roles; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c useradm -n "__fish_useradm_using_subcommand users; and not __fish_seen_subcommand_from link unlink list show update disable enable unlock reset-2fa set-password delete help" -l db -d 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user\'s data folder, e.g. ~/.local/share/useradm/useradm.db]' -r -F
complete -c useradm -n "__fish_useradm_using_subcommand users; and not __fish_seen_subcommand_from link unlink list show update disable enable unlock reset-2fa set-password delete help" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c useradm -n "__fish_useradm_using_subcommand users; and not __fish_seen_subcommand_from link unlink list show update disable enable unlock reset-2fa set-password delete help" -l json -d 'Print exactly one JSON document on stdout (errors as JSON on stderr)'
complete -c useradm -n "__fish_useradm_using_subcommand users; and not __fish_seen_subcommand_from link unlink list show update disable enable unlock reset-2fa set-password delete help" -s q -l quiet -d 'Print only what was asked for: no hints or notices on stderr'
complete -c useradm -n "__fish_useradm_using_subcommand users; and not __fish_seen_subcommand_from link unlink list show update disable enable unlock reset-2fa set-password delete help" -l no-input -d 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)'
complete -c useradm -n "__fish_useradm_using_subcommand users; and not __fish_seen_subcommand_from link unlink list show update disable enable unlock reset-2fa set-password delete help" -s h -l help -d 'Print help'
complete -c useradm -n "__fish_useradm_using_subcommand users; and not __fish_seen_subcommand_from link unlink list show update disable enable unlock reset-2fa set-password delete help" -s V -l version -d 'Print version'
complete -c useradm -n "__fish_useradm_using_subcommand users; and not __fish_seen_subcommand_from link unlink list show update disable enable unlock reset-2fa set-password delete help" -f -a "link" -d 'Link an identity of a provider (its subject, `sub`) to an account'
complete -c useradm -n "__fish_useradm_using_subcommand users; and not __fish_seen_subcommand_from link unlink list show update disable enable unlock reset-2fa set-password delete help" -f -a "unlink" -d 'Unlink an account\'s identities of a provider'
complete -c useradm -n "__fish_useradm_using_subcommand users; and not __fish_seen_subcommand_from link unlink list show update disable enable unlock reset-2fa set-password delete help" -f -a "list" -d 'List accounts'
complete -c useradm -n "__fish_useradm_using_subcommand users; and not __fish_seen_subcommand_from link unlink list show update disable enable unlock reset-2fa set-password delete help" -f -a "show" -d 'Show one account'
complete -c useradm -n "__fish_useradm_using_subcommand users; and not __fish_seen_subcommand_from link unlink list show update disable enable unlock reset-2fa set-password delete help" -f -a "update" -d 'Change names, attributes or the email address (a new address waits for its code)'
complete -c useradm -n "__fish_useradm_using_subcommand users; and not __fish_seen_subcommand_from link unlink list show update disable enable unlock reset-2fa set-password delete help" -f -a "disable" -d 'Disable an account: ends its sessions and tokens'
complete -c useradm -n "__fish_useradm_using_subcommand users; and not __fish_seen_subcommand_from link unlink list show update disable enable unlock reset-2fa set-password delete help" -f -a "enable" -d 'Enable a disabled account'
complete -c useradm -n "__fish_useradm_using_subcommand users; and not __fish_seen_subcommand_from link unlink list show update disable enable unlock reset-2fa set-password delete help" -f -a "unlock" -d 'Lift a lock from failed logins'
complete -c useradm -n "__fish_useradm_using_subcommand users; and not __fish_seen_subcommand_from link unlink list show update disable enable unlock reset-2fa set-password delete help" -f -a "reset-2fa" -d 'Remove an account\'s second factor (a lost phone)'
complete -c useradm -n "__fish_useradm_using_subcommand users; and not __fish_seen_subcommand_from link unlink list show update disable enable unlock reset-2fa set-password delete help" -f -a "set-password" -d 'Set an account\'s password: ends its sessions and revokes its API tokens. With --must-change (the default for a generated one) the user must change it first'
complete -c useradm -n "__fish_useradm_using_subcommand users; and not __fish_seen_subcommand_from link unlink list show update disable enable unlock reset-2fa set-password delete help" -f -a "delete" -d 'Delete an account (asks on a terminal unless --yes)'
complete -c useradm -n "__fish_useradm_using_subcommand users; and not __fish_seen_subcommand_from link unlink list show update disable enable unlock reset-2fa set-password delete help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c useradm -n "__fish_useradm_using_subcommand users; and __fish_seen_subcommand_from link" -l idp -d 'The provider\'s name' -r
complete -c useradm -n "__fish_useradm_using_subcommand users; and __fish_seen_subcommand_from link" -l subject -d 'The identity\'s subject at the provider' -r
complete -c useradm -n "__fish_useradm_using_subcommand users; and __fish_seen_subcommand_from link" -l db -d 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user\'s data folder, e.g. ~/.local/share/useradm/useradm.db]' -r -F
complete -c useradm -n "__fish_useradm_using_subcommand users; and __fish_seen_subcommand_from link" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c useradm -n "__fish_useradm_using_subcommand users; and __fish_seen_subcommand_from link" -l json -d 'Print exactly one JSON document on stdout (errors as JSON on stderr)'
complete -c useradm -n "__fish_useradm_using_subcommand users; and __fish_seen_subcommand_from link" -s q -l quiet -d 'Print only what was asked for: no hints or notices on stderr'
complete -c useradm -n "__fish_useradm_using_subcommand users; and __fish_seen_subcommand_from link" -l no-input -d 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)'
complete -c useradm -n "__fish_useradm_using_subcommand users; and __fish_seen_subcommand_from link" -s h -l help -d 'Print help'
complete -c useradm -n "__fish_useradm_using_subcommand users; and __fish_seen_subcommand_from link" -s V -l version -d 'Print version'
complete -c useradm -n "__fish_useradm_using_subcommand users; and __fish_seen_subcommand_from unlink" -l idp -d 'The provider\'s name' -r
complete -c useradm -n "__fish_useradm_using_subcommand users; and __fish_seen_subcommand_from unlink" -l db -d 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user\'s data folder, e.g. ~/.local/share/useradm/useradm.db]' -r -F
complete -c useradm -n "__fish_useradm_using_subcommand users; and __fish_seen_subcommand_from unlink" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c useradm -n "__fish_useradm_using_subcommand users; and __fish_seen_subcommand_from unlink" -l json -d 'Print exactly one JSON document on stdout (errors as JSON on stderr)'
complete -c useradm -n "__fish_useradm_using_subcommand users; and __fish_seen_subcommand_from unlink" -s q -l quiet -d 'Print only what was asked for: no hints or notices on stderr'
complete -c useradm -n "__fish_useradm_using_subcommand users; and __fish_seen_subcommand_from unlink" -l no-input -d 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)'
complete -c useradm -n "__fish_useradm_using_subcommand users; and __fish_seen_subcommand_from unlink" -s h -l help -d 'Print help'
complete -c useradm -n "__fish_useradm_using_subcommand users; and __fish_seen_subcommand_from unlink" -s V -l version -d 'Print version'
complete -c useradm -n "__fish_useradm_using_subcommand users; and __fish_seen_subcommand_from list" -l role -d 'Only holders of this role' -r
complete -c useradm -n "__fish_useradm_using_subcommand users; and __fish_seen_subcommand_from list" -l status -d 'Only accounts in this state' -r -f -a "active\t''
disabled\t''
locked\t''"
complete -c useradm -n "__fish_useradm_using_subcommand users; and __fish_seen_subcommand_from list" -l search -d 'Only accounts whose email or name contains this text' -r
complete -c useradm -n "__fish_useradm_using_subcommand users; and __fish_seen_subcommand_from list" -l inactive -d 'Only accounts that have not authenticated in any way for this long (90d), or never: for access reviews' -r
complete -c useradm -n "__fish_useradm_using_subcommand users; and __fish_seen_subcommand_from list" -l expiring -d 'Only accounts whose validity ends within this long (30d)' -r
complete -c useradm -n "__fish_useradm_using_subcommand users; and __fish_seen_subcommand_from list" -l db -d 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user\'s data folder, e.g. ~/.local/share/useradm/useradm.db]' -r -F
complete -c useradm -n "__fish_useradm_using_subcommand users; and __fish_seen_subcommand_from list" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c useradm -n "__fish_useradm_using_subcommand users; and __fish_seen_subcommand_from list" -l legacy-hash -d 'Only accounts whose stored hash is not yet Argon2id at the policy (imported hashes not upgraded by a login: they check at their own cost, and may be expired)'
complete -c useradm -n "__fish_useradm_using_subcommand users; and __fish_seen_subcommand_from list" -l json -d 'Print exactly one JSON document on stdout (errors as JSON on stderr)'
complete -c useradm -n "__fish_useradm_using_subcommand users; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only what was asked for: no hints or notices on stderr'
complete -c useradm -n "__fish_useradm_using_subcommand users; and __fish_seen_subcommand_from list" -l no-input -d 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)'
complete -c useradm -n "__fish_useradm_using_subcommand users; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c useradm -n "__fish_useradm_using_subcommand users; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c useradm -n "__fish_useradm_using_subcommand users; and __fish_seen_subcommand_from show" -l db -d 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user\'s data folder, e.g. ~/.local/share/useradm/useradm.db]' -r -F
complete -c useradm -n "__fish_useradm_using_subcommand users; and __fish_seen_subcommand_from show" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c useradm -n "__fish_useradm_using_subcommand users; and __fish_seen_subcommand_from show" -l json -d 'Print exactly one JSON document on stdout (errors as JSON on stderr)'
complete -c useradm -n "__fish_useradm_using_subcommand users; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Print only what was asked for: no hints or notices on stderr'
complete -c useradm -n "__fish_useradm_using_subcommand users; and __fish_seen_subcommand_from show" -l no-input -d 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)'
complete -c useradm -n "__fish_useradm_using_subcommand users; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help'
complete -c useradm -n "__fish_useradm_using_subcommand users; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c useradm -n "__fish_useradm_using_subcommand users; and __fish_seen_subcommand_from update" -l first-name -d 'New first name' -r
complete -c useradm -n "__fish_useradm_using_subcommand users; and __fish_seen_subcommand_from update" -l last-name -d 'New last name' -r
complete -c useradm -n "__fish_useradm_using_subcommand users; and __fish_seen_subcommand_from update" -l attr -d 'Set an attribute (repeatable; an empty value removes it)' -r
complete -c useradm -n "__fish_useradm_using_subcommand users; and __fish_seen_subcommand_from update" -l must-change -d 'Whether the user must change their password before anything else' -r -f -a "true\t''
false\t''"
complete -c useradm -n "__fish_useradm_using_subcommand users; and __fish_seen_subcommand_from update" -l expires -d 'The account stops working then: a date, an RFC 3339 time with its offset (2026-12-31T17:00:00Z), a duration from now (90d), or never' -r
complete -c useradm -n "__fish_useradm_using_subcommand users; and __fish_seen_subcommand_from update" -l valid-from -d 'The account works only from then: a date, an RFC 3339 time with its offset, or now' -r
complete -c useradm -n "__fish_useradm_using_subcommand users; and __fish_seen_subcommand_from update" -l email -d 'New email address: confirmed by a code sent to it; the old one works until then' -r
complete -c useradm -n "__fish_useradm_using_subcommand users; and __fish_seen_subcommand_from update" -l db -d 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user\'s data folder, e.g. ~/.local/share/useradm/useradm.db]' -r -F
complete -c useradm -n "__fish_useradm_using_subcommand users; and __fish_seen_subcommand_from update" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c useradm -n "__fish_useradm_using_subcommand users; and __fish_seen_subcommand_from update" -l password-stdin -d 'Changing your own address after your session proved your password more than 5 minutes ago: read it again from standard input (a second-factor code from the next line)'
complete -c useradm -n "__fish_useradm_using_subcommand users; and __fish_seen_subcommand_from update" -l json -d 'Print exactly one JSON document on stdout (errors as JSON on stderr)'
complete -c useradm -n "__fish_useradm_using_subcommand users; and __fish_seen_subcommand_from update" -s q -l quiet -d 'Print only what was asked for: no hints or notices on stderr'
complete -c useradm -n "__fish_useradm_using_subcommand users; and __fish_seen_subcommand_from update" -l no-input -d 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)'
complete -c useradm -n "__fish_useradm_using_subcommand users; and __fish_seen_subcommand_from update" -s h -l help -d 'Print help'
complete -c useradm -n "__fish_useradm_using_subcommand users; and __fish_seen_subcommand_from update" -s V -l version -d 'Print version'
complete -c useradm -n "__fish_useradm_using_subcommand users; and __fish_seen_subcommand_from disable" -l db -d 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user\'s data folder, e.g. ~/.local/share/useradm/useradm.db]' -r -F
complete -c useradm -n "__fish_useradm_using_subcommand users; and __fish_seen_subcommand_from disable" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c useradm -n "__fish_useradm_using_subcommand users; and __fish_seen_subcommand_from disable" -l json -d 'Print exactly one JSON document on stdout (errors as JSON on stderr)'
complete -c useradm -n "__fish_useradm_using_subcommand users; and __fish_seen_subcommand_from disable" -s q -l quiet -d 'Print only what was asked for: no hints or notices on stderr'
complete -c useradm -n "__fish_useradm_using_subcommand users; and __fish_seen_subcommand_from disable" -l no-input -d 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)'
complete -c useradm -n "__fish_useradm_using_subcommand users; and __fish_seen_subcommand_from disable" -s h -l help -d 'Print help'
complete -c useradm -n "__fish_useradm_using_subcommand users; and __fish_seen_subcommand_from disable" -s V -l version -d 'Print version'
complete -c useradm -n "__fish_useradm_using_subcommand users; and __fish_seen_subcommand_from enable" -l db -d 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user\'s data folder, e.g. ~/.local/share/useradm/useradm.db]' -r -F
complete -c useradm -n "__fish_useradm_using_subcommand users; and __fish_seen_subcommand_from enable" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c useradm -n "__fish_useradm_using_subcommand users; and __fish_seen_subcommand_from enable" -l json -d 'Print exactly one JSON document on stdout (errors as JSON on stderr)'
complete -c useradm -n "__fish_useradm_using_subcommand users; and __fish_seen_subcommand_from enable" -s q -l quiet -d 'Print only what was asked for: no hints or notices on stderr'
complete -c useradm -n "__fish_useradm_using_subcommand users; and __fish_seen_subcommand_from enable" -l no-input -d 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)'
complete -c useradm -n "__fish_useradm_using_subcommand users; and __fish_seen_subcommand_from enable" -s h -l help -d 'Print help'
complete -c useradm -n "__fish_useradm_using_subcommand users; and __fish_seen_subcommand_from enable" -s V -l version -d 'Print version'
complete -c useradm -n "__fish_useradm_using_subcommand users; and __fish_seen_subcommand_from unlock" -l db -d 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user\'s data folder, e.g. ~/.local/share/useradm/useradm.db]' -r -F
complete -c useradm -n "__fish_useradm_using_subcommand users; and __fish_seen_subcommand_from unlock" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c useradm -n "__fish_useradm_using_subcommand users; and __fish_seen_subcommand_from unlock" -l json -d 'Print exactly one JSON document on stdout (errors as JSON on stderr)'
complete -c useradm -n "__fish_useradm_using_subcommand users; and __fish_seen_subcommand_from unlock" -s q -l quiet -d 'Print only what was asked for: no hints or notices on stderr'
complete -c useradm -n "__fish_useradm_using_subcommand users; and __fish_seen_subcommand_from unlock" -l no-input -d 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)'
complete -c useradm -n "__fish_useradm_using_subcommand users; and __fish_seen_subcommand_from unlock" -s h -l help -d 'Print help'
complete -c useradm -n "__fish_useradm_using_subcommand users; and __fish_seen_subcommand_from unlock" -s V -l version -d 'Print version'
complete -c useradm -n "__fish_useradm_using_subcommand users; and __fish_seen_subcommand_from reset-2fa" -l db -d 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user\'s data folder, e.g. ~/.local/share/useradm/useradm.db]' -r -F
complete -c useradm -n "__fish_useradm_using_subcommand users; and __fish_seen_subcommand_from reset-2fa" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c useradm -n "__fish_useradm_using_subcommand users; and __fish_seen_subcommand_from reset-2fa" -l json -d 'Print exactly one JSON document on stdout (errors as JSON on stderr)'
complete -c useradm -n "__fish_useradm_using_subcommand users; and __fish_seen_subcommand_from reset-2fa" -s q -l quiet -d 'Print only what was asked for: no hints or notices on stderr'
complete -c useradm -n "__fish_useradm_using_subcommand users; and __fish_seen_subcommand_from reset-2fa" -l no-input -d 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)'
complete -c useradm -n "__fish_useradm_using_subcommand users; and __fish_seen_subcommand_from reset-2fa" -s h -l help -d 'Print help'
complete -c useradm -n "__fish_useradm_using_subcommand users; and __fish_seen_subcommand_from reset-2fa" -s V -l version -d 'Print version'
complete -c useradm -n "__fish_useradm_using_subcommand users; and __fish_seen_subcommand_from set-password" -l password-file -d 'Read the password from the first line of a file' -r -F
complete -c useradm -n "__fish_useradm_using_subcommand users; and __fish_seen_subcommand_from set-password" -l must-change -d 'Whether the user must change it at their next login (default: yes for a generated password, no otherwise)' -r -f -a "true\t''
false\t''"
complete -c useradm -n "__fish_useradm_using_subcommand users; and __fish_seen_subcommand_from set-password" -l db -d 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user\'s data folder, e.g. ~/.local/share/useradm/useradm.db]' -r -F
complete -c useradm -n "__fish_useradm_using_subcommand users; and __fish_seen_subcommand_from set-password" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c useradm -n "__fish_useradm_using_subcommand users; and __fish_seen_subcommand_from set-password" -l password-stdin -d 'Read the password from the first line of standard input'
complete -c useradm -n "__fish_useradm_using_subcommand users; and __fish_seen_subcommand_from set-password" -l generate-password -d 'Generate a strong password and print it once'
complete -c useradm -n "__fish_useradm_using_subcommand users; and __fish_seen_subcommand_from set-password" -l json -d 'Print exactly one JSON document on stdout (errors as JSON on stderr)'
complete -c useradm -n "__fish_useradm_using_subcommand users; and __fish_seen_subcommand_from set-password" -s q -l quiet -d 'Print only what was asked for: no hints or notices on stderr'
complete -c useradm -n "__fish_useradm_using_subcommand users; and __fish_seen_subcommand_from set-password" -l no-input -d 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)'
complete -c useradm -n "__fish_useradm_using_subcommand users; and __fish_seen_subcommand_from set-password" -s h -l help -d 'Print help'
complete -c useradm -n "__fish_useradm_using_subcommand users; and __fish_seen_subcommand_from set-password" -s V -l version -d 'Print version'
complete -c useradm -n "__fish_useradm_using_subcommand users; and __fish_seen_subcommand_from delete" -l db -d 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user\'s data folder, e.g. ~/.local/share/useradm/useradm.db]' -r -F
complete -c useradm -n "__fish_useradm_using_subcommand users; and __fish_seen_subcommand_from delete" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c useradm -n "__fish_useradm_using_subcommand users; and __fish_seen_subcommand_from delete" -l yes -d 'Do not ask for confirmation'
complete -c useradm -n "__fish_useradm_using_subcommand users; and __fish_seen_subcommand_from delete" -l json -d 'Print exactly one JSON document on stdout (errors as JSON on stderr)'
complete -c useradm -n "__fish_useradm_using_subcommand users; and __fish_seen_subcommand_from delete" -s q -l quiet -d 'Print only what was asked for: no hints or notices on stderr'
complete -c useradm -n "__fish_useradm_using_subcommand users; and __fish_seen_subcommand_from delete" -l no-input -d 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)'
complete -c useradm -n "__fish_useradm_using_subcommand users; and __fish_seen_subcommand_from delete" -s h -l help -d 'Print help'
complete -c useradm -n "__fish_useradm_using_subcommand users; and __fish_seen_subcommand_from delete" -s V -l version -d 'Print version'
complete -c useradm -n "__fish_useradm_using_subcommand users; and __fish_seen_subcommand_from help" -f -a "link" -d 'Link an identity of a provider (its subject, `sub`) to an account'
complete -c useradm -n "__fish_useradm_using_subcommand users; and __fish_seen_subcommand_from help" -f -a "unlink" -d 'Unlink an account\'s identities of a provider'
complete -c useradm -n "__fish_useradm_using_subcommand users; and __fish_seen_subcommand_from help" -f -a "list" -d 'List accounts'
complete -c useradm -n "__fish_useradm_using_subcommand users; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show one account'
complete -c useradm -n "__fish_useradm_using_subcommand users; and __fish_seen_subcommand_from help" -f -a "update" -d 'Change names, attributes or the email address (a new address waits for its code)'
complete -c useradm -n "__fish_useradm_using_subcommand users; and __fish_seen_subcommand_from help" -f -a "disable" -d 'Disable an account: ends its sessions and tokens'
complete -c useradm -n "__fish_useradm_using_subcommand users; and __fish_seen_subcommand_from help" -f -a "enable" -d 'Enable a disabled account'
complete -c useradm -n "__fish_useradm_using_subcommand users; and __fish_seen_subcommand_from help" -f -a "unlock" -d 'Lift a lock from failed logins'
complete -c useradm -n "__fish_useradm_using_subcommand users; and __fish_seen_subcommand_from help" -f -a "reset-2fa" -d 'Remove an account\'s second factor (a lost phone)'
complete -c useradm -n "__fish_useradm_using_subcommand users; and __fish_seen_subcommand_from help" -f -a "set-password" -d 'Set an account\'s password: ends its sessions and revokes its API tokens. With --must-change (the default for a generated one) the user must change it first'
complete -c useradm -n "__fish_useradm_using_subcommand users; and __fish_seen_subcommand_from help" -f -a "delete" -d 'Delete an account (asks on a terminal unless --yes)'
complete -c useradm -n "__fish_useradm_using_subcommand users; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c useradm -n "__fish_useradm_using_subcommand sessions; and not __fish_seen_subcommand_from list revoke help" -l db -d 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user\'s data folder, e.g. ~/.local/share/useradm/useradm.db]' -r -F
complete -c useradm -n "__fish_useradm_using_subcommand sessions; and not __fish_seen_subcommand_from list revoke help" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c useradm -n "__fish_useradm_using_subcommand sessions; and not __fish_seen_subcommand_from list revoke help" -l json -d 'Print exactly one JSON document on stdout (errors as JSON on stderr)'
complete -c useradm -n "__fish_useradm_using_subcommand sessions; and not __fish_seen_subcommand_from list revoke help" -s q -l quiet -d 'Print only what was asked for: no hints or notices on stderr'
complete -c useradm -n "__fish_useradm_using_subcommand sessions; and not __fish_seen_subcommand_from list revoke help" -l no-input -d 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)'
complete -c useradm -n "__fish_useradm_using_subcommand sessions; and not __fish_seen_subcommand_from list revoke help" -s h -l help -d 'Print help'
complete -c useradm -n "__fish_useradm_using_subcommand sessions; and not __fish_seen_subcommand_from list revoke help" -s V -l version -d 'Print version'
complete -c useradm -n "__fish_useradm_using_subcommand sessions; and not __fish_seen_subcommand_from list revoke help" -f -a "list" -d 'List your sessions (--all: everyone\'s, needs sessions.manage)'
complete -c useradm -n "__fish_useradm_using_subcommand sessions; and not __fish_seen_subcommand_from list revoke help" -f -a "revoke" -d 'End a session by id'
complete -c useradm -n "__fish_useradm_using_subcommand sessions; and not __fish_seen_subcommand_from list revoke help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c useradm -n "__fish_useradm_using_subcommand sessions; and __fish_seen_subcommand_from list" -l db -d 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user\'s data folder, e.g. ~/.local/share/useradm/useradm.db]' -r -F
complete -c useradm -n "__fish_useradm_using_subcommand sessions; and __fish_seen_subcommand_from list" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c useradm -n "__fish_useradm_using_subcommand sessions; and __fish_seen_subcommand_from list" -l all -d 'Every user\'s sessions'
complete -c useradm -n "__fish_useradm_using_subcommand sessions; and __fish_seen_subcommand_from list" -l json -d 'Print exactly one JSON document on stdout (errors as JSON on stderr)'
complete -c useradm -n "__fish_useradm_using_subcommand sessions; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only what was asked for: no hints or notices on stderr'
complete -c useradm -n "__fish_useradm_using_subcommand sessions; and __fish_seen_subcommand_from list" -l no-input -d 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)'
complete -c useradm -n "__fish_useradm_using_subcommand sessions; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c useradm -n "__fish_useradm_using_subcommand sessions; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c useradm -n "__fish_useradm_using_subcommand sessions; and __fish_seen_subcommand_from revoke" -l db -d 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user\'s data folder, e.g. ~/.local/share/useradm/useradm.db]' -r -F
complete -c useradm -n "__fish_useradm_using_subcommand sessions; and __fish_seen_subcommand_from revoke" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c useradm -n "__fish_useradm_using_subcommand sessions; and __fish_seen_subcommand_from revoke" -l json -d 'Print exactly one JSON document on stdout (errors as JSON on stderr)'
complete -c useradm -n "__fish_useradm_using_subcommand sessions; and __fish_seen_subcommand_from revoke" -s q -l quiet -d 'Print only what was asked for: no hints or notices on stderr'
complete -c useradm -n "__fish_useradm_using_subcommand sessions; and __fish_seen_subcommand_from revoke" -l no-input -d 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)'
complete -c useradm -n "__fish_useradm_using_subcommand sessions; and __fish_seen_subcommand_from revoke" -s h -l help -d 'Print help'
complete -c useradm -n "__fish_useradm_using_subcommand sessions; and __fish_seen_subcommand_from revoke" -s V -l version -d 'Print version'
complete -c useradm -n "__fish_useradm_using_subcommand sessions; and __fish_seen_subcommand_from help" -f -a "list" -d 'List your sessions (--all: everyone\'s, needs sessions.manage)'
complete -c useradm -n "__fish_useradm_using_subcommand sessions; and __fish_seen_subcommand_from help" -f -a "revoke" -d 'End a session by id'
complete -c useradm -n "__fish_useradm_using_subcommand sessions; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c useradm -n "__fish_useradm_using_subcommand tokens; and not __fish_seen_subcommand_from create list revoke remind help" -l db -d 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user\'s data folder, e.g. ~/.local/share/useradm/useradm.db]' -r -F
complete -c useradm -n "__fish_useradm_using_subcommand tokens; and not __fish_seen_subcommand_from create list revoke remind help" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c useradm -n "__fish_useradm_using_subcommand tokens; and not __fish_seen_subcommand_from create list revoke remind help" -l json -d 'Print exactly one JSON document on stdout (errors as JSON on stderr)'
complete -c useradm -n "__fish_useradm_using_subcommand tokens; and not __fish_seen_subcommand_from create list revoke remind help" -s q -l quiet -d 'Print only what was asked for: no hints or notices on stderr'
complete -c useradm -n "__fish_useradm_using_subcommand tokens; and not __fish_seen_subcommand_from create list revoke remind help" -l no-input -d 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)'
complete -c useradm -n "__fish_useradm_using_subcommand tokens; and not __fish_seen_subcommand_from create list revoke remind help" -s h -l help -d 'Print help'
complete -c useradm -n "__fish_useradm_using_subcommand tokens; and not __fish_seen_subcommand_from create list revoke remind help" -s V -l version -d 'Print version'
complete -c useradm -n "__fish_useradm_using_subcommand tokens; and not __fish_seen_subcommand_from create list revoke remind help" -f -a "create" -d 'Create a token (printed once) limited to the listed permissions'
complete -c useradm -n "__fish_useradm_using_subcommand tokens; and not __fish_seen_subcommand_from create list revoke remind help" -f -a "list" -d 'List your tokens (--all: everyone\'s, needs sessions.manage)'
complete -c useradm -n "__fish_useradm_using_subcommand tokens; and not __fish_seen_subcommand_from create list revoke remind help" -f -a "revoke" -d 'Revoke a token by id'
complete -c useradm -n "__fish_useradm_using_subcommand tokens; and not __fish_seen_subcommand_from create list revoke remind help" -f -a "remind" -d 'Tell the owners of tokens that expire within 7 days, once per token (for a timer; needs sessions.manage)'
complete -c useradm -n "__fish_useradm_using_subcommand tokens; and not __fish_seen_subcommand_from create list revoke remind help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c useradm -n "__fish_useradm_using_subcommand tokens; and __fish_seen_subcommand_from create" -l name -d 'A name that says where the token is used' -r
complete -c useradm -n "__fish_useradm_using_subcommand tokens; and __fish_seen_subcommand_from create" -l permission -d 'Permission the token may use (repeatable, at least one)' -r
complete -c useradm -n "__fish_useradm_using_subcommand tokens; and __fish_seen_subcommand_from create" -l expires -d 'Lifetime such as 30d or 12h, or never [default: 90d]' -r
complete -c useradm -n "__fish_useradm_using_subcommand tokens; and __fish_seen_subcommand_from create" -l db -d 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user\'s data folder, e.g. ~/.local/share/useradm/useradm.db]' -r -F
complete -c useradm -n "__fish_useradm_using_subcommand tokens; and __fish_seen_subcommand_from create" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c useradm -n "__fish_useradm_using_subcommand tokens; and __fish_seen_subcommand_from create" -l password-stdin -d 'When the session proved your password more than 5 minutes ago: read it again from standard input (and a second-factor code from the next line, where you have one)'
complete -c useradm -n "__fish_useradm_using_subcommand tokens; and __fish_seen_subcommand_from create" -l json -d 'Print exactly one JSON document on stdout (errors as JSON on stderr)'
complete -c useradm -n "__fish_useradm_using_subcommand tokens; and __fish_seen_subcommand_from create" -s q -l quiet -d 'Print only what was asked for: no hints or notices on stderr'
complete -c useradm -n "__fish_useradm_using_subcommand tokens; and __fish_seen_subcommand_from create" -l no-input -d 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)'
complete -c useradm -n "__fish_useradm_using_subcommand tokens; and __fish_seen_subcommand_from create" -s h -l help -d 'Print help'
complete -c useradm -n "__fish_useradm_using_subcommand tokens; and __fish_seen_subcommand_from create" -s V -l version -d 'Print version'
complete -c useradm -n "__fish_useradm_using_subcommand tokens; and __fish_seen_subcommand_from list" -l db -d 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user\'s data folder, e.g. ~/.local/share/useradm/useradm.db]' -r -F
complete -c useradm -n "__fish_useradm_using_subcommand tokens; and __fish_seen_subcommand_from list" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c useradm -n "__fish_useradm_using_subcommand tokens; and __fish_seen_subcommand_from list" -l all -d 'Every user\'s tokens'
complete -c useradm -n "__fish_useradm_using_subcommand tokens; and __fish_seen_subcommand_from list" -l json -d 'Print exactly one JSON document on stdout (errors as JSON on stderr)'
complete -c useradm -n "__fish_useradm_using_subcommand tokens; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only what was asked for: no hints or notices on stderr'
complete -c useradm -n "__fish_useradm_using_subcommand tokens; and __fish_seen_subcommand_from list" -l no-input -d 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)'
complete -c useradm -n "__fish_useradm_using_subcommand tokens; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c useradm -n "__fish_useradm_using_subcommand tokens; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c useradm -n "__fish_useradm_using_subcommand tokens; and __fish_seen_subcommand_from revoke" -l db -d 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user\'s data folder, e.g. ~/.local/share/useradm/useradm.db]' -r -F
complete -c useradm -n "__fish_useradm_using_subcommand tokens; and __fish_seen_subcommand_from revoke" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c useradm -n "__fish_useradm_using_subcommand tokens; and __fish_seen_subcommand_from revoke" -l json -d 'Print exactly one JSON document on stdout (errors as JSON on stderr)'
complete -c useradm -n "__fish_useradm_using_subcommand tokens; and __fish_seen_subcommand_from revoke" -s q -l quiet -d 'Print only what was asked for: no hints or notices on stderr'
complete -c useradm -n "__fish_useradm_using_subcommand tokens; and __fish_seen_subcommand_from revoke" -l no-input -d 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)'
complete -c useradm -n "__fish_useradm_using_subcommand tokens; and __fish_seen_subcommand_from revoke" -s h -l help -d 'Print help'
complete -c useradm -n "__fish_useradm_using_subcommand tokens; and __fish_seen_subcommand_from revoke" -s V -l version -d 'Print version'
complete -c useradm -n "__fish_useradm_using_subcommand tokens; and __fish_seen_subcommand_from remind" -l db -d 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user\'s data folder, e.g. ~/.local/share/useradm/useradm.db]' -r -F
complete -c useradm -n "__fish_useradm_using_subcommand tokens; and __fish_seen_subcommand_from remind" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c useradm -n "__fish_useradm_using_subcommand tokens; and __fish_seen_subcommand_from remind" -l json -d 'Print exactly one JSON document on stdout (errors as JSON on stderr)'
complete -c useradm -n "__fish_useradm_using_subcommand tokens; and __fish_seen_subcommand_from remind" -s q -l quiet -d 'Print only what was asked for: no hints or notices on stderr'
complete -c useradm -n "__fish_useradm_using_subcommand tokens; and __fish_seen_subcommand_from remind" -l no-input -d 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)'
complete -c useradm -n "__fish_useradm_using_subcommand tokens; and __fish_seen_subcommand_from remind" -s h -l help -d 'Print help'
complete -c useradm -n "__fish_useradm_using_subcommand tokens; and __fish_seen_subcommand_from remind" -s V -l version -d 'Print version'
complete -c useradm -n "__fish_useradm_using_subcommand tokens; and __fish_seen_subcommand_from help" -f -a "create" -d 'Create a token (printed once) limited to the listed permissions'
complete -c useradm -n "__fish_useradm_using_subcommand tokens; and __fish_seen_subcommand_from help" -f -a "list" -d 'List your tokens (--all: everyone\'s, needs sessions.manage)'
complete -c useradm -n "__fish_useradm_using_subcommand tokens; and __fish_seen_subcommand_from help" -f -a "revoke" -d 'Revoke a token by id'
complete -c useradm -n "__fish_useradm_using_subcommand tokens; and __fish_seen_subcommand_from help" -f -a "remind" -d 'Tell the owners of tokens that expire within 7 days, once per token (for a timer; needs sessions.manage)'
complete -c useradm -n "__fish_useradm_using_subcommand tokens; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c useradm -n "__fish_useradm_using_subcommand audit; and not __fish_seen_subcommand_from head verify help" -l email -d 'Only events with this email as actor or target' -r
complete -c useradm -n "__fish_useradm_using_subcommand audit; and not __fish_seen_subcommand_from head verify help" -l since -d 'Only events since this time (2026-11-28T10:00:00Z) or this long ago (24h)' -r
complete -c useradm -n "__fish_useradm_using_subcommand audit; and not __fish_seen_subcommand_from head verify help" -l limit -d 'At most this many of the newest events' -r
complete -c useradm -n "__fish_useradm_using_subcommand audit; and not __fish_seen_subcommand_from head verify help" -l db -d 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user\'s data folder, e.g. ~/.local/share/useradm/useradm.db]' -r -F
complete -c useradm -n "__fish_useradm_using_subcommand audit; and not __fish_seen_subcommand_from head verify help" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c useradm -n "__fish_useradm_using_subcommand audit; and not __fish_seen_subcommand_from head verify help" -l json -d 'Print exactly one JSON document on stdout (errors as JSON on stderr)'
complete -c useradm -n "__fish_useradm_using_subcommand audit; and not __fish_seen_subcommand_from head verify help" -s q -l quiet -d 'Print only what was asked for: no hints or notices on stderr'
complete -c useradm -n "__fish_useradm_using_subcommand audit; and not __fish_seen_subcommand_from head verify help" -l no-input -d 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)'
complete -c useradm -n "__fish_useradm_using_subcommand audit; and not __fish_seen_subcommand_from head verify help" -s h -l help -d 'Print help'
complete -c useradm -n "__fish_useradm_using_subcommand audit; and not __fish_seen_subcommand_from head verify help" -s V -l version -d 'Print version'
complete -c useradm -n "__fish_useradm_using_subcommand audit; and not __fish_seen_subcommand_from head verify help" -f -a "head" -d 'Print the newest link of the chain, to anchor it elsewhere'
complete -c useradm -n "__fish_useradm_using_subcommand audit; and not __fish_seen_subcommand_from head verify help" -f -a "verify" -d 'Check the whole chain (exit 12 names the first broken link)'
complete -c useradm -n "__fish_useradm_using_subcommand audit; and not __fish_seen_subcommand_from head verify help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c useradm -n "__fish_useradm_using_subcommand audit; and __fish_seen_subcommand_from head" -l db -d 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user\'s data folder, e.g. ~/.local/share/useradm/useradm.db]' -r -F
complete -c useradm -n "__fish_useradm_using_subcommand audit; and __fish_seen_subcommand_from head" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c useradm -n "__fish_useradm_using_subcommand audit; and __fish_seen_subcommand_from head" -l json -d 'Print exactly one JSON document on stdout (errors as JSON on stderr)'
complete -c useradm -n "__fish_useradm_using_subcommand audit; and __fish_seen_subcommand_from head" -s q -l quiet -d 'Print only what was asked for: no hints or notices on stderr'
complete -c useradm -n "__fish_useradm_using_subcommand audit; and __fish_seen_subcommand_from head" -l no-input -d 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)'
complete -c useradm -n "__fish_useradm_using_subcommand audit; and __fish_seen_subcommand_from head" -s h -l help -d 'Print help'
complete -c useradm -n "__fish_useradm_using_subcommand audit; and __fish_seen_subcommand_from head" -s V -l version -d 'Print version'
complete -c useradm -n "__fish_useradm_using_subcommand audit; and __fish_seen_subcommand_from verify" -l expect-head -d 'A head printed earlier by `audit head`: it must still be in the chain' -r
complete -c useradm -n "__fish_useradm_using_subcommand audit; and __fish_seen_subcommand_from verify" -l db -d 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user\'s data folder, e.g. ~/.local/share/useradm/useradm.db]' -r -F
complete -c useradm -n "__fish_useradm_using_subcommand audit; and __fish_seen_subcommand_from verify" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c useradm -n "__fish_useradm_using_subcommand audit; and __fish_seen_subcommand_from verify" -l json -d 'Print exactly one JSON document on stdout (errors as JSON on stderr)'
complete -c useradm -n "__fish_useradm_using_subcommand audit; and __fish_seen_subcommand_from verify" -s q -l quiet -d 'Print only what was asked for: no hints or notices on stderr'
complete -c useradm -n "__fish_useradm_using_subcommand audit; and __fish_seen_subcommand_from verify" -l no-input -d 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)'
complete -c useradm -n "__fish_useradm_using_subcommand audit; and __fish_seen_subcommand_from verify" -s h -l help -d 'Print help'
complete -c useradm -n "__fish_useradm_using_subcommand audit; and __fish_seen_subcommand_from verify" -s V -l version -d 'Print version'
complete -c useradm -n "__fish_useradm_using_subcommand audit; and __fish_seen_subcommand_from help" -f -a "head" -d 'Print the newest link of the chain, to anchor it elsewhere'
complete -c useradm -n "__fish_useradm_using_subcommand audit; and __fish_seen_subcommand_from help" -f -a "verify" -d 'Check the whole chain (exit 12 names the first broken link)'
complete -c useradm -n "__fish_useradm_using_subcommand audit; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c useradm -n "__fish_useradm_using_subcommand import" -l from-django -d 'Read a Django site\'s SQLite database instead (auth_user, groups, allauth addresses)' -r -F
complete -c useradm -n "__fish_useradm_using_subcommand import" -l from-shadow -d 'Read a shadow file (`/etc/shadow`\'s format; `-` for standard input): each user becomes NAME@DOMAIN (--email-domain), unverified, with its hash as it is' -r -F
complete -c useradm -n "__fish_useradm_using_subcommand import" -l passwd -d 'With --from-shadow: the passwd file that gives full names and marks system accounts (uid below UID_MIN of /etc/login.defs, default 1000), which are skipped' -r -F
complete -c useradm -n "__fish_useradm_using_subcommand import" -l from-htpasswd -d 'Read an Apache htpasswd file (`-` for standard input): each user becomes NAME@DOMAIN' -r -F
complete -c useradm -n "__fish_useradm_using_subcommand import" -l email-domain -d 'The domain that makes an email of each user name (--from-shadow, --from-htpasswd)' -r
complete -c useradm -n "__fish_useradm_using_subcommand import" -l format -d 'The file format [default: from the extension, else csv]' -r -f -a "csv\t''
jsonl\t''"
complete -c useradm -n "__fish_useradm_using_subcommand import" -l on-conflict -d 'What to do with emails that already have an account' -r -f -a "fail\t'Stop with exit 6, naming the existing emails'
skip\t'Leave existing accounts alone'
update\t'Apply changed profiles, roles and status to existing accounts'"
complete -c useradm -n "__fish_useradm_using_subcommand import" -l db -d 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user\'s data folder, e.g. ~/.local/share/useradm/useradm.db]' -r -F
complete -c useradm -n "__fish_useradm_using_subcommand import" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c useradm -n "__fish_useradm_using_subcommand import" -l dry-run -d 'Report what would be created, updated or skipped, and change nothing'
complete -c useradm -n "__fish_useradm_using_subcommand import" -l no-email -d 'Send no invitations to accounts imported without a password'
complete -c useradm -n "__fish_useradm_using_subcommand import" -l json -d 'Print exactly one JSON document on stdout (errors as JSON on stderr)'
complete -c useradm -n "__fish_useradm_using_subcommand import" -s q -l quiet -d 'Print only what was asked for: no hints or notices on stderr'
complete -c useradm -n "__fish_useradm_using_subcommand import" -l no-input -d 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)'
complete -c useradm -n "__fish_useradm_using_subcommand import" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c useradm -n "__fish_useradm_using_subcommand import" -s V -l version -d 'Print version'
complete -c useradm -n "__fish_useradm_using_subcommand apply" -l format -d 'The file format [default: json for a .json file, else toml]' -r -f -a "toml\t''
json\t''"
complete -c useradm -n "__fish_useradm_using_subcommand apply" -l max-deletions -d 'Refuse a plan that removes more entries than this' -r
complete -c useradm -n "__fish_useradm_using_subcommand apply" -l db -d 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user\'s data folder, e.g. ~/.local/share/useradm/useradm.db]' -r -F
complete -c useradm -n "__fish_useradm_using_subcommand apply" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c useradm -n "__fish_useradm_using_subcommand apply" -l dry-run -d 'Print the plan and change nothing'
complete -c useradm -n "__fish_useradm_using_subcommand apply" -l check -d 'Change nothing; exit 0 when the store matches the file, 13 when it does not'
complete -c useradm -n "__fish_useradm_using_subcommand apply" -s y -l yes -d 'Apply without asking on a terminal'
complete -c useradm -n "__fish_useradm_using_subcommand apply" -l adopt -d 'Manage existing entries that no owner manages yet'
complete -c useradm -n "__fish_useradm_using_subcommand apply" -l prune -d 'Remove the entries this owner manages that left the file'
complete -c useradm -n "__fish_useradm_using_subcommand apply" -l no-email -d 'Send no invitations to new accounts without a password hash'
complete -c useradm -n "__fish_useradm_using_subcommand apply" -l json -d 'Print exactly one JSON document on stdout (errors as JSON on stderr)'
complete -c useradm -n "__fish_useradm_using_subcommand apply" -s q -l quiet -d 'Print only what was asked for: no hints or notices on stderr'
complete -c useradm -n "__fish_useradm_using_subcommand apply" -l no-input -d 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)'
complete -c useradm -n "__fish_useradm_using_subcommand apply" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c useradm -n "__fish_useradm_using_subcommand apply" -s V -l version -d 'Print version'
complete -c useradm -n "__fish_useradm_using_subcommand export" -l format -d 'Output format' -r -f -a "csv\t''
jsonl\t''"
complete -c useradm -n "__fish_useradm_using_subcommand export" -l db -d 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user\'s data folder, e.g. ~/.local/share/useradm/useradm.db]' -r -F
complete -c useradm -n "__fish_useradm_using_subcommand export" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c useradm -n "__fish_useradm_using_subcommand export" -l json -d 'Print exactly one JSON document on stdout (errors as JSON on stderr)'
complete -c useradm -n "__fish_useradm_using_subcommand export" -s q -l quiet -d 'Print only what was asked for: no hints or notices on stderr'
complete -c useradm -n "__fish_useradm_using_subcommand export" -l no-input -d 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)'
complete -c useradm -n "__fish_useradm_using_subcommand export" -s h -l help -d 'Print help'
complete -c useradm -n "__fish_useradm_using_subcommand export" -s V -l version -d 'Print version'
complete -c useradm -n "__fish_useradm_using_subcommand config; and not __fish_seen_subcommand_from list get set help" -l db -d 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user\'s data folder, e.g. ~/.local/share/useradm/useradm.db]' -r -F
complete -c useradm -n "__fish_useradm_using_subcommand config; and not __fish_seen_subcommand_from list get set help" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c useradm -n "__fish_useradm_using_subcommand config; and not __fish_seen_subcommand_from list get set help" -l json -d 'Print exactly one JSON document on stdout (errors as JSON on stderr)'
complete -c useradm -n "__fish_useradm_using_subcommand config; and not __fish_seen_subcommand_from list get set help" -s q -l quiet -d 'Print only what was asked for: no hints or notices on stderr'
complete -c useradm -n "__fish_useradm_using_subcommand config; and not __fish_seen_subcommand_from list get set help" -l no-input -d 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)'
complete -c useradm -n "__fish_useradm_using_subcommand config; and not __fish_seen_subcommand_from list get set help" -s h -l help -d 'Print help'
complete -c useradm -n "__fish_useradm_using_subcommand config; and not __fish_seen_subcommand_from list get set help" -s V -l version -d 'Print version'
complete -c useradm -n "__fish_useradm_using_subcommand config; and not __fish_seen_subcommand_from list get set help" -f -a "list" -d 'Show every setting with its value and default'
complete -c useradm -n "__fish_useradm_using_subcommand config; and not __fish_seen_subcommand_from list get set help" -f -a "get" -d 'Print one setting\'s value'
complete -c useradm -n "__fish_useradm_using_subcommand config; and not __fish_seen_subcommand_from list get set help" -f -a "set" -d 'Change a setting (validated; a bad value changes nothing)'
complete -c useradm -n "__fish_useradm_using_subcommand config; and not __fish_seen_subcommand_from list get set help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c useradm -n "__fish_useradm_using_subcommand config; and __fish_seen_subcommand_from list" -l db -d 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user\'s data folder, e.g. ~/.local/share/useradm/useradm.db]' -r -F
complete -c useradm -n "__fish_useradm_using_subcommand config; and __fish_seen_subcommand_from list" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c useradm -n "__fish_useradm_using_subcommand config; and __fish_seen_subcommand_from list" -l json -d 'Print exactly one JSON document on stdout (errors as JSON on stderr)'
complete -c useradm -n "__fish_useradm_using_subcommand config; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only what was asked for: no hints or notices on stderr'
complete -c useradm -n "__fish_useradm_using_subcommand config; and __fish_seen_subcommand_from list" -l no-input -d 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)'
complete -c useradm -n "__fish_useradm_using_subcommand config; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c useradm -n "__fish_useradm_using_subcommand config; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c useradm -n "__fish_useradm_using_subcommand config; and __fish_seen_subcommand_from get" -l db -d 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user\'s data folder, e.g. ~/.local/share/useradm/useradm.db]' -r -F
complete -c useradm -n "__fish_useradm_using_subcommand config; and __fish_seen_subcommand_from get" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c useradm -n "__fish_useradm_using_subcommand config; and __fish_seen_subcommand_from get" -l json -d 'Print exactly one JSON document on stdout (errors as JSON on stderr)'
complete -c useradm -n "__fish_useradm_using_subcommand config; and __fish_seen_subcommand_from get" -s q -l quiet -d 'Print only what was asked for: no hints or notices on stderr'
complete -c useradm -n "__fish_useradm_using_subcommand config; and __fish_seen_subcommand_from get" -l no-input -d 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)'
complete -c useradm -n "__fish_useradm_using_subcommand config; and __fish_seen_subcommand_from get" -s h -l help -d 'Print help'
complete -c useradm -n "__fish_useradm_using_subcommand config; and __fish_seen_subcommand_from get" -s V -l version -d 'Print version'
complete -c useradm -n "__fish_useradm_using_subcommand config; and __fish_seen_subcommand_from set" -l db -d 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user\'s data folder, e.g. ~/.local/share/useradm/useradm.db]' -r -F
complete -c useradm -n "__fish_useradm_using_subcommand config; and __fish_seen_subcommand_from set" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c useradm -n "__fish_useradm_using_subcommand config; and __fish_seen_subcommand_from set" -l value-stdin -d 'Read the value from the first line of standard input (required for secrets)'
complete -c useradm -n "__fish_useradm_using_subcommand config; and __fish_seen_subcommand_from set" -l json -d 'Print exactly one JSON document on stdout (errors as JSON on stderr)'
complete -c useradm -n "__fish_useradm_using_subcommand config; and __fish_seen_subcommand_from set" -s q -l quiet -d 'Print only what was asked for: no hints or notices on stderr'
complete -c useradm -n "__fish_useradm_using_subcommand config; and __fish_seen_subcommand_from set" -l no-input -d 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)'
complete -c useradm -n "__fish_useradm_using_subcommand config; and __fish_seen_subcommand_from set" -s h -l help -d 'Print help'
complete -c useradm -n "__fish_useradm_using_subcommand config; and __fish_seen_subcommand_from set" -s V -l version -d 'Print version'
complete -c useradm -n "__fish_useradm_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "list" -d 'Show every setting with its value and default'
complete -c useradm -n "__fish_useradm_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "get" -d 'Print one setting\'s value'
complete -c useradm -n "__fish_useradm_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "set" -d 'Change a setting (validated; a bad value changes nothing)'
complete -c useradm -n "__fish_useradm_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c useradm -n "__fish_useradm_using_subcommand 2fa; and not __fish_seen_subcommand_from enable status disable recovery-codes help" -l db -d 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user\'s data folder, e.g. ~/.local/share/useradm/useradm.db]' -r -F
complete -c useradm -n "__fish_useradm_using_subcommand 2fa; and not __fish_seen_subcommand_from enable status disable recovery-codes help" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c useradm -n "__fish_useradm_using_subcommand 2fa; and not __fish_seen_subcommand_from enable status disable recovery-codes help" -l json -d 'Print exactly one JSON document on stdout (errors as JSON on stderr)'
complete -c useradm -n "__fish_useradm_using_subcommand 2fa; and not __fish_seen_subcommand_from enable status disable recovery-codes help" -s q -l quiet -d 'Print only what was asked for: no hints or notices on stderr'
complete -c useradm -n "__fish_useradm_using_subcommand 2fa; and not __fish_seen_subcommand_from enable status disable recovery-codes help" -l no-input -d 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)'
complete -c useradm -n "__fish_useradm_using_subcommand 2fa; and not __fish_seen_subcommand_from enable status disable recovery-codes help" -s h -l help -d 'Print help'
complete -c useradm -n "__fish_useradm_using_subcommand 2fa; and not __fish_seen_subcommand_from enable status disable recovery-codes help" -s V -l version -d 'Print version'
complete -c useradm -n "__fish_useradm_using_subcommand 2fa; and not __fish_seen_subcommand_from enable status disable recovery-codes help" -f -a "enable" -d 'Enrol an authenticator app: shows a QR code, then confirms with a current code'
complete -c useradm -n "__fish_useradm_using_subcommand 2fa; and not __fish_seen_subcommand_from enable status disable recovery-codes help" -f -a "status" -d 'Whether a second factor is enabled, and how many recovery codes are left'
complete -c useradm -n "__fish_useradm_using_subcommand 2fa; and not __fish_seen_subcommand_from enable status disable recovery-codes help" -f -a "disable" -d 'Remove your second factor (asks for the password and a current code)'
complete -c useradm -n "__fish_useradm_using_subcommand 2fa; and not __fish_seen_subcommand_from enable status disable recovery-codes help" -f -a "recovery-codes" -d 'Print 10 new recovery codes; the old ones stop working (asks for the password and a code)'
complete -c useradm -n "__fish_useradm_using_subcommand 2fa; and not __fish_seen_subcommand_from enable status disable recovery-codes help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c useradm -n "__fish_useradm_using_subcommand 2fa; and __fish_seen_subcommand_from enable" -l otp -r
complete -c useradm -n "__fish_useradm_using_subcommand 2fa; and __fish_seen_subcommand_from enable" -l db -d 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user\'s data folder, e.g. ~/.local/share/useradm/useradm.db]' -r -F
complete -c useradm -n "__fish_useradm_using_subcommand 2fa; and __fish_seen_subcommand_from enable" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c useradm -n "__fish_useradm_using_subcommand 2fa; and __fish_seen_subcommand_from enable" -l otp-stdin -d 'Confirm a pending enrolment with a current code read from standard input'
complete -c useradm -n "__fish_useradm_using_subcommand 2fa; and __fish_seen_subcommand_from enable" -l password-stdin -d 'When the session proved your password more than 5 minutes ago: read it again from standard input (before the code)'
complete -c useradm -n "__fish_useradm_using_subcommand 2fa; and __fish_seen_subcommand_from enable" -l json -d 'Print exactly one JSON document on stdout (errors as JSON on stderr)'
complete -c useradm -n "__fish_useradm_using_subcommand 2fa; and __fish_seen_subcommand_from enable" -s q -l quiet -d 'Print only what was asked for: no hints or notices on stderr'
complete -c useradm -n "__fish_useradm_using_subcommand 2fa; and __fish_seen_subcommand_from enable" -l no-input -d 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)'
complete -c useradm -n "__fish_useradm_using_subcommand 2fa; and __fish_seen_subcommand_from enable" -s h -l help -d 'Print help'
complete -c useradm -n "__fish_useradm_using_subcommand 2fa; and __fish_seen_subcommand_from enable" -s V -l version -d 'Print version'
complete -c useradm -n "__fish_useradm_using_subcommand 2fa; and __fish_seen_subcommand_from status" -l db -d 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user\'s data folder, e.g. ~/.local/share/useradm/useradm.db]' -r -F
complete -c useradm -n "__fish_useradm_using_subcommand 2fa; and __fish_seen_subcommand_from status" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c useradm -n "__fish_useradm_using_subcommand 2fa; and __fish_seen_subcommand_from status" -l json -d 'Print exactly one JSON document on stdout (errors as JSON on stderr)'
complete -c useradm -n "__fish_useradm_using_subcommand 2fa; and __fish_seen_subcommand_from status" -s q -l quiet -d 'Print only what was asked for: no hints or notices on stderr'
complete -c useradm -n "__fish_useradm_using_subcommand 2fa; and __fish_seen_subcommand_from status" -l no-input -d 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)'
complete -c useradm -n "__fish_useradm_using_subcommand 2fa; and __fish_seen_subcommand_from status" -s h -l help -d 'Print help'
complete -c useradm -n "__fish_useradm_using_subcommand 2fa; and __fish_seen_subcommand_from status" -s V -l version -d 'Print version'
complete -c useradm -n "__fish_useradm_using_subcommand 2fa; and __fish_seen_subcommand_from disable" -l otp -r
complete -c useradm -n "__fish_useradm_using_subcommand 2fa; and __fish_seen_subcommand_from disable" -l db -d 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user\'s data folder, e.g. ~/.local/share/useradm/useradm.db]' -r -F
complete -c useradm -n "__fish_useradm_using_subcommand 2fa; and __fish_seen_subcommand_from disable" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c useradm -n "__fish_useradm_using_subcommand 2fa; and __fish_seen_subcommand_from disable" -l password-stdin -d 'Read the password from line 1 of standard input'
complete -c useradm -n "__fish_useradm_using_subcommand 2fa; and __fish_seen_subcommand_from disable" -l otp-stdin -d 'Read the authenticator app\'s code from standard input (the line after the password, if that comes first)'
complete -c useradm -n "__fish_useradm_using_subcommand 2fa; and __fish_seen_subcommand_from disable" -l recovery-code-stdin -d 'Read a recovery code from standard input instead of an app code'
complete -c useradm -n "__fish_useradm_using_subcommand 2fa; and __fish_seen_subcommand_from disable" -l json -d 'Print exactly one JSON document on stdout (errors as JSON on stderr)'
complete -c useradm -n "__fish_useradm_using_subcommand 2fa; and __fish_seen_subcommand_from disable" -s q -l quiet -d 'Print only what was asked for: no hints or notices on stderr'
complete -c useradm -n "__fish_useradm_using_subcommand 2fa; and __fish_seen_subcommand_from disable" -l no-input -d 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)'
complete -c useradm -n "__fish_useradm_using_subcommand 2fa; and __fish_seen_subcommand_from disable" -s h -l help -d 'Print help'
complete -c useradm -n "__fish_useradm_using_subcommand 2fa; and __fish_seen_subcommand_from disable" -s V -l version -d 'Print version'
complete -c useradm -n "__fish_useradm_using_subcommand 2fa; and __fish_seen_subcommand_from recovery-codes" -l otp -r
complete -c useradm -n "__fish_useradm_using_subcommand 2fa; and __fish_seen_subcommand_from recovery-codes" -l db -d 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user\'s data folder, e.g. ~/.local/share/useradm/useradm.db]' -r -F
complete -c useradm -n "__fish_useradm_using_subcommand 2fa; and __fish_seen_subcommand_from recovery-codes" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c useradm -n "__fish_useradm_using_subcommand 2fa; and __fish_seen_subcommand_from recovery-codes" -l password-stdin -d 'Read the password from line 1 of standard input'
complete -c useradm -n "__fish_useradm_using_subcommand 2fa; and __fish_seen_subcommand_from recovery-codes" -l otp-stdin -d 'Read the authenticator app\'s code from standard input (the line after the password, if that comes first)'
complete -c useradm -n "__fish_useradm_using_subcommand 2fa; and __fish_seen_subcommand_from recovery-codes" -l recovery-code-stdin -d 'Read a recovery code from standard input instead of an app code'
complete -c useradm -n "__fish_useradm_using_subcommand 2fa; and __fish_seen_subcommand_from recovery-codes" -l json -d 'Print exactly one JSON document on stdout (errors as JSON on stderr)'
complete -c useradm -n "__fish_useradm_using_subcommand 2fa; and __fish_seen_subcommand_from recovery-codes" -s q -l quiet -d 'Print only what was asked for: no hints or notices on stderr'
complete -c useradm -n "__fish_useradm_using_subcommand 2fa; and __fish_seen_subcommand_from recovery-codes" -l no-input -d 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)'
complete -c useradm -n "__fish_useradm_using_subcommand 2fa; and __fish_seen_subcommand_from recovery-codes" -s h -l help -d 'Print help'
complete -c useradm -n "__fish_useradm_using_subcommand 2fa; and __fish_seen_subcommand_from recovery-codes" -s V -l version -d 'Print version'
complete -c useradm -n "__fish_useradm_using_subcommand 2fa; and __fish_seen_subcommand_from help" -f -a "enable" -d 'Enrol an authenticator app: shows a QR code, then confirms with a current code'
complete -c useradm -n "__fish_useradm_using_subcommand 2fa; and __fish_seen_subcommand_from help" -f -a "status" -d 'Whether a second factor is enabled, and how many recovery codes are left'
complete -c useradm -n "__fish_useradm_using_subcommand 2fa; and __fish_seen_subcommand_from help" -f -a "disable" -d 'Remove your second factor (asks for the password and a current code)'
complete -c useradm -n "__fish_useradm_using_subcommand 2fa; and __fish_seen_subcommand_from help" -f -a "recovery-codes" -d 'Print 10 new recovery codes; the old ones stop working (asks for the password and a code)'
complete -c useradm -n "__fish_useradm_using_subcommand 2fa; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c useradm -n "__fish_useradm_using_subcommand mail; and not __fish_seen_subcommand_from list retry deliver help" -l db -d 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user\'s data folder, e.g. ~/.local/share/useradm/useradm.db]' -r -F
complete -c useradm -n "__fish_useradm_using_subcommand mail; and not __fish_seen_subcommand_from list retry deliver help" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c useradm -n "__fish_useradm_using_subcommand mail; and not __fish_seen_subcommand_from list retry deliver help" -l json -d 'Print exactly one JSON document on stdout (errors as JSON on stderr)'
complete -c useradm -n "__fish_useradm_using_subcommand mail; and not __fish_seen_subcommand_from list retry deliver help" -s q -l quiet -d 'Print only what was asked for: no hints or notices on stderr'
complete -c useradm -n "__fish_useradm_using_subcommand mail; and not __fish_seen_subcommand_from list retry deliver help" -l no-input -d 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)'
complete -c useradm -n "__fish_useradm_using_subcommand mail; and not __fish_seen_subcommand_from list retry deliver help" -s h -l help -d 'Print help'
complete -c useradm -n "__fish_useradm_using_subcommand mail; and not __fish_seen_subcommand_from list retry deliver help" -s V -l version -d 'Print version'
complete -c useradm -n "__fish_useradm_using_subcommand mail; and not __fish_seen_subcommand_from list retry deliver help" -f -a "list" -d 'The messages waiting to be sent, with their attempts and last error (never a code)'
complete -c useradm -n "__fish_useradm_using_subcommand mail; and not __fish_seen_subcommand_from list retry deliver help" -f -a "retry" -d 'Send what waits now (each with a fresh code, through the transport its request chose)'
complete -c useradm -n "__fish_useradm_using_subcommand mail; and not __fish_seen_subcommand_from list retry deliver help" -f -a "deliver" -d 'Deliver queued mail: what a request starts after it answered'
complete -c useradm -n "__fish_useradm_using_subcommand mail; and not __fish_seen_subcommand_from list retry deliver help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c useradm -n "__fish_useradm_using_subcommand mail; and __fish_seen_subcommand_from list" -l db -d 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user\'s data folder, e.g. ~/.local/share/useradm/useradm.db]' -r -F
complete -c useradm -n "__fish_useradm_using_subcommand mail; and __fish_seen_subcommand_from list" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c useradm -n "__fish_useradm_using_subcommand mail; and __fish_seen_subcommand_from list" -l json -d 'Print exactly one JSON document on stdout (errors as JSON on stderr)'
complete -c useradm -n "__fish_useradm_using_subcommand mail; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only what was asked for: no hints or notices on stderr'
complete -c useradm -n "__fish_useradm_using_subcommand mail; and __fish_seen_subcommand_from list" -l no-input -d 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)'
complete -c useradm -n "__fish_useradm_using_subcommand mail; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c useradm -n "__fish_useradm_using_subcommand mail; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c useradm -n "__fish_useradm_using_subcommand mail; and __fish_seen_subcommand_from retry" -l db -d 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user\'s data folder, e.g. ~/.local/share/useradm/useradm.db]' -r -F
complete -c useradm -n "__fish_useradm_using_subcommand mail; and __fish_seen_subcommand_from retry" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c useradm -n "__fish_useradm_using_subcommand mail; and __fish_seen_subcommand_from retry" -l wait -d 'Send in this process and wait until nothing is being sent, then report'
complete -c useradm -n "__fish_useradm_using_subcommand mail; and __fish_seen_subcommand_from retry" -l json -d 'Print exactly one JSON document on stdout (errors as JSON on stderr)'
complete -c useradm -n "__fish_useradm_using_subcommand mail; and __fish_seen_subcommand_from retry" -s q -l quiet -d 'Print only what was asked for: no hints or notices on stderr'
complete -c useradm -n "__fish_useradm_using_subcommand mail; and __fish_seen_subcommand_from retry" -l no-input -d 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)'
complete -c useradm -n "__fish_useradm_using_subcommand mail; and __fish_seen_subcommand_from retry" -s h -l help -d 'Print help'
complete -c useradm -n "__fish_useradm_using_subcommand mail; and __fish_seen_subcommand_from retry" -s V -l version -d 'Print version'
complete -c useradm -n "__fish_useradm_using_subcommand mail; and __fish_seen_subcommand_from deliver" -l id -d 'Only this queued message (then whatever else is due)' -r
complete -c useradm -n "__fish_useradm_using_subcommand mail; and __fish_seen_subcommand_from deliver" -l after-pid -d 'Wait for this process (the request) to end first' -r
complete -c useradm -n "__fish_useradm_using_subcommand mail; and __fish_seen_subcommand_from deliver" -l token-reminder -d 'Tell the owner of this API token that it ends soon, if they are owed that' -r
complete -c useradm -n "__fish_useradm_using_subcommand mail; and __fish_seen_subcommand_from deliver" -l db -d 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user\'s data folder, e.g. ~/.local/share/useradm/useradm.db]' -r -F
complete -c useradm -n "__fish_useradm_using_subcommand mail; and __fish_seen_subcommand_from deliver" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c useradm -n "__fish_useradm_using_subcommand mail; and __fish_seen_subcommand_from deliver" -l now -d 'Send what waits at once, not only what is due'
complete -c useradm -n "__fish_useradm_using_subcommand mail; and __fish_seen_subcommand_from deliver" -l json -d 'Print exactly one JSON document on stdout (errors as JSON on stderr)'
complete -c useradm -n "__fish_useradm_using_subcommand mail; and __fish_seen_subcommand_from deliver" -s q -l quiet -d 'Print only what was asked for: no hints or notices on stderr'
complete -c useradm -n "__fish_useradm_using_subcommand mail; and __fish_seen_subcommand_from deliver" -l no-input -d 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)'
complete -c useradm -n "__fish_useradm_using_subcommand mail; and __fish_seen_subcommand_from deliver" -s h -l help -d 'Print help'
complete -c useradm -n "__fish_useradm_using_subcommand mail; and __fish_seen_subcommand_from deliver" -s V -l version -d 'Print version'
complete -c useradm -n "__fish_useradm_using_subcommand mail; and __fish_seen_subcommand_from help" -f -a "list" -d 'The messages waiting to be sent, with their attempts and last error (never a code)'
complete -c useradm -n "__fish_useradm_using_subcommand mail; and __fish_seen_subcommand_from help" -f -a "retry" -d 'Send what waits now (each with a fresh code, through the transport its request chose)'
complete -c useradm -n "__fish_useradm_using_subcommand mail; and __fish_seen_subcommand_from help" -f -a "deliver" -d 'Deliver queued mail: what a request starts after it answered'
complete -c useradm -n "__fish_useradm_using_subcommand mail; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c useradm -n "__fish_useradm_using_subcommand backup" -l out -d 'The new file (refused when it exists)' -r -F
complete -c useradm -n "__fish_useradm_using_subcommand backup" -l db -d 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user\'s data folder, e.g. ~/.local/share/useradm/useradm.db]' -r -F
complete -c useradm -n "__fish_useradm_using_subcommand backup" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c useradm -n "__fish_useradm_using_subcommand backup" -l json -d 'Print exactly one JSON document on stdout (errors as JSON on stderr)'
complete -c useradm -n "__fish_useradm_using_subcommand backup" -s q -l quiet -d 'Print only what was asked for: no hints or notices on stderr'
complete -c useradm -n "__fish_useradm_using_subcommand backup" -l no-input -d 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)'
complete -c useradm -n "__fish_useradm_using_subcommand backup" -s h -l help -d 'Print help'
complete -c useradm -n "__fish_useradm_using_subcommand backup" -s V -l version -d 'Print version'
complete -c useradm -n "__fish_useradm_using_subcommand restore" -l expect-head -d 'The audit head `backup` printed: the backup\'s chain must verify up to it' -r
complete -c useradm -n "__fish_useradm_using_subcommand restore" -l db -d 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user\'s data folder, e.g. ~/.local/share/useradm/useradm.db]' -r -F
complete -c useradm -n "__fish_useradm_using_subcommand restore" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c useradm -n "__fish_useradm_using_subcommand restore" -l force -d 'Overwrite a store that holds accounts (needs settings.manage there)'
complete -c useradm -n "__fish_useradm_using_subcommand restore" -s y -l yes -d 'With --force: do not ask'
complete -c useradm -n "__fish_useradm_using_subcommand restore" -l keep-tokens -d 'Keep the backup\'s API tokens (by default every one is revoked: the backup may hold tokens revoked since)'
complete -c useradm -n "__fish_useradm_using_subcommand restore" -l json -d 'Print exactly one JSON document on stdout (errors as JSON on stderr)'
complete -c useradm -n "__fish_useradm_using_subcommand restore" -s q -l quiet -d 'Print only what was asked for: no hints or notices on stderr'
complete -c useradm -n "__fish_useradm_using_subcommand restore" -l no-input -d 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)'
complete -c useradm -n "__fish_useradm_using_subcommand restore" -s h -l help -d 'Print help'
complete -c useradm -n "__fish_useradm_using_subcommand restore" -s V -l version -d 'Print version'
complete -c useradm -n "__fish_useradm_using_subcommand idp; and not __fish_seen_subcommand_from add list show remove help" -l db -d 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user\'s data folder, e.g. ~/.local/share/useradm/useradm.db]' -r -F
complete -c useradm -n "__fish_useradm_using_subcommand idp; and not __fish_seen_subcommand_from add list show remove help" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c useradm -n "__fish_useradm_using_subcommand idp; and not __fish_seen_subcommand_from add list show remove help" -l json -d 'Print exactly one JSON document on stdout (errors as JSON on stderr)'
complete -c useradm -n "__fish_useradm_using_subcommand idp; and not __fish_seen_subcommand_from add list show remove help" -s q -l quiet -d 'Print only what was asked for: no hints or notices on stderr'
complete -c useradm -n "__fish_useradm_using_subcommand idp; and not __fish_seen_subcommand_from add list show remove help" -l no-input -d 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)'
complete -c useradm -n "__fish_useradm_using_subcommand idp; and not __fish_seen_subcommand_from add list show remove help" -s h -l help -d 'Print help'
complete -c useradm -n "__fish_useradm_using_subcommand idp; and not __fish_seen_subcommand_from add list show remove help" -s V -l version -d 'Print version'
complete -c useradm -n "__fish_useradm_using_subcommand idp; and not __fish_seen_subcommand_from add list show remove help" -f -a "add" -d 'Add an OpenID Connect provider that offers the device authorization grant'
complete -c useradm -n "__fish_useradm_using_subcommand idp; and not __fish_seen_subcommand_from add list show remove help" -f -a "list" -d 'The providers (never a client secret)'
complete -c useradm -n "__fish_useradm_using_subcommand idp; and not __fish_seen_subcommand_from add list show remove help" -f -a "show" -d 'One provider'
complete -c useradm -n "__fish_useradm_using_subcommand idp; and not __fish_seen_subcommand_from add list show remove help" -f -a "remove" -d 'Remove a provider and unlink every identity of it'
complete -c useradm -n "__fish_useradm_using_subcommand idp; and not __fish_seen_subcommand_from add list show remove help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c useradm -n "__fish_useradm_using_subcommand idp; and __fish_seen_subcommand_from add" -l issuer -d 'The issuer URL (https; http only on loopback); its discovery document must offer the device authorization grant' -r
complete -c useradm -n "__fish_useradm_using_subcommand idp; and __fish_seen_subcommand_from add" -l client-id -d 'The client id registered at the provider' -r
complete -c useradm -n "__fish_useradm_using_subcommand idp; and __fish_seen_subcommand_from add" -l client-secret-file -d 'A confidential client\'s secret, on the first line of this file (never on the command line)' -r -F
complete -c useradm -n "__fish_useradm_using_subcommand idp; and __fish_seen_subcommand_from add" -l scopes -d 'Scopes beyond openid' -r
complete -c useradm -n "__fish_useradm_using_subcommand idp; and __fish_seen_subcommand_from add" -l allowed-domains -d 'The mail domains this provider is trusted with (linking by address, registration)' -r
complete -c useradm -n "__fish_useradm_using_subcommand idp; and __fish_seen_subcommand_from add" -l link-by -d 'How a first sign-in finds its account' -r -f -a "verified-email\t'The account whose verified address the provider vouches for, in an allowed domain, once its password is proven'
none\t'Only identities an administrator linked (`users link`)'"
complete -c useradm -n "__fish_useradm_using_subcommand idp; and __fish_seen_subcommand_from add" -l db -d 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user\'s data folder, e.g. ~/.local/share/useradm/useradm.db]' -r -F
complete -c useradm -n "__fish_useradm_using_subcommand idp; and __fish_seen_subcommand_from add" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c useradm -n "__fish_useradm_using_subcommand idp; and __fish_seen_subcommand_from add" -l mfa-by-amr -d 'Trust the provider\'s `amr` claim for a second factor (mfa.required_roles)'
complete -c useradm -n "__fish_useradm_using_subcommand idp; and __fish_seen_subcommand_from add" -l json -d 'Print exactly one JSON document on stdout (errors as JSON on stderr)'
complete -c useradm -n "__fish_useradm_using_subcommand idp; and __fish_seen_subcommand_from add" -s q -l quiet -d 'Print only what was asked for: no hints or notices on stderr'
complete -c useradm -n "__fish_useradm_using_subcommand idp; and __fish_seen_subcommand_from add" -l no-input -d 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)'
complete -c useradm -n "__fish_useradm_using_subcommand idp; and __fish_seen_subcommand_from add" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c useradm -n "__fish_useradm_using_subcommand idp; and __fish_seen_subcommand_from add" -s V -l version -d 'Print version'
complete -c useradm -n "__fish_useradm_using_subcommand idp; and __fish_seen_subcommand_from list" -l db -d 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user\'s data folder, e.g. ~/.local/share/useradm/useradm.db]' -r -F
complete -c useradm -n "__fish_useradm_using_subcommand idp; and __fish_seen_subcommand_from list" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c useradm -n "__fish_useradm_using_subcommand idp; and __fish_seen_subcommand_from list" -l json -d 'Print exactly one JSON document on stdout (errors as JSON on stderr)'
complete -c useradm -n "__fish_useradm_using_subcommand idp; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only what was asked for: no hints or notices on stderr'
complete -c useradm -n "__fish_useradm_using_subcommand idp; and __fish_seen_subcommand_from list" -l no-input -d 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)'
complete -c useradm -n "__fish_useradm_using_subcommand idp; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c useradm -n "__fish_useradm_using_subcommand idp; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c useradm -n "__fish_useradm_using_subcommand idp; and __fish_seen_subcommand_from show" -l db -d 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user\'s data folder, e.g. ~/.local/share/useradm/useradm.db]' -r -F
complete -c useradm -n "__fish_useradm_using_subcommand idp; and __fish_seen_subcommand_from show" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c useradm -n "__fish_useradm_using_subcommand idp; and __fish_seen_subcommand_from show" -l json -d 'Print exactly one JSON document on stdout (errors as JSON on stderr)'
complete -c useradm -n "__fish_useradm_using_subcommand idp; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Print only what was asked for: no hints or notices on stderr'
complete -c useradm -n "__fish_useradm_using_subcommand idp; and __fish_seen_subcommand_from show" -l no-input -d 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)'
complete -c useradm -n "__fish_useradm_using_subcommand idp; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help'
complete -c useradm -n "__fish_useradm_using_subcommand idp; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c useradm -n "__fish_useradm_using_subcommand idp; and __fish_seen_subcommand_from remove" -l db -d 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user\'s data folder, e.g. ~/.local/share/useradm/useradm.db]' -r -F
complete -c useradm -n "__fish_useradm_using_subcommand idp; and __fish_seen_subcommand_from remove" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c useradm -n "__fish_useradm_using_subcommand idp; and __fish_seen_subcommand_from remove" -l json -d 'Print exactly one JSON document on stdout (errors as JSON on stderr)'
complete -c useradm -n "__fish_useradm_using_subcommand idp; and __fish_seen_subcommand_from remove" -s q -l quiet -d 'Print only what was asked for: no hints or notices on stderr'
complete -c useradm -n "__fish_useradm_using_subcommand idp; and __fish_seen_subcommand_from remove" -l no-input -d 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)'
complete -c useradm -n "__fish_useradm_using_subcommand idp; and __fish_seen_subcommand_from remove" -s h -l help -d 'Print help'
complete -c useradm -n "__fish_useradm_using_subcommand idp; and __fish_seen_subcommand_from remove" -s V -l version -d 'Print version'
complete -c useradm -n "__fish_useradm_using_subcommand idp; and __fish_seen_subcommand_from help" -f -a "add" -d 'Add an OpenID Connect provider that offers the device authorization grant'
complete -c useradm -n "__fish_useradm_using_subcommand idp; and __fish_seen_subcommand_from help" -f -a "list" -d 'The providers (never a client secret)'
complete -c useradm -n "__fish_useradm_using_subcommand idp; and __fish_seen_subcommand_from help" -f -a "show" -d 'One provider'
complete -c useradm -n "__fish_useradm_using_subcommand idp; and __fish_seen_subcommand_from help" -f -a "remove" -d 'Remove a provider and unlink every identity of it'
complete -c useradm -n "__fish_useradm_using_subcommand idp; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c useradm -n "__fish_useradm_using_subcommand db; and not __fish_seen_subcommand_from copy help" -l db -d 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user\'s data folder, e.g. ~/.local/share/useradm/useradm.db]' -r -F
complete -c useradm -n "__fish_useradm_using_subcommand db; and not __fish_seen_subcommand_from copy help" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c useradm -n "__fish_useradm_using_subcommand db; and not __fish_seen_subcommand_from copy help" -l json -d 'Print exactly one JSON document on stdout (errors as JSON on stderr)'
complete -c useradm -n "__fish_useradm_using_subcommand db; and not __fish_seen_subcommand_from copy help" -s q -l quiet -d 'Print only what was asked for: no hints or notices on stderr'
complete -c useradm -n "__fish_useradm_using_subcommand db; and not __fish_seen_subcommand_from copy help" -l no-input -d 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)'
complete -c useradm -n "__fish_useradm_using_subcommand db; and not __fish_seen_subcommand_from copy help" -s h -l help -d 'Print help'
complete -c useradm -n "__fish_useradm_using_subcommand db; and not __fish_seen_subcommand_from copy help" -s V -l version -d 'Print version'
complete -c useradm -n "__fish_useradm_using_subcommand db; and not __fish_seen_subcommand_from copy help" -f -a "copy" -d 'Copy the whole store (ids, hashes, secrets, sessions, tokens, the audit chain) into a new database of either engine, then mark this one as moved: it is never opened again'
complete -c useradm -n "__fish_useradm_using_subcommand db; and not __fish_seen_subcommand_from copy help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c useradm -n "__fish_useradm_using_subcommand db; and __fish_seen_subcommand_from copy" -l to -d 'The new database: a file that does not exist yet, or an empty server database (postgres://USER@HOST[:PORT]/DBNAME[?sslmode=...])' -r -F
complete -c useradm -n "__fish_useradm_using_subcommand db; and __fish_seen_subcommand_from copy" -l to-password-file -d 'The target server\'s password, on the first line of this file (default: the source\'s USERADM_DB_PASSWORD_FILE when the source is a file, then ~/.pgpass)' -r -F
complete -c useradm -n "__fish_useradm_using_subcommand db; and __fish_seen_subcommand_from copy" -l db -d 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user\'s data folder, e.g. ~/.local/share/useradm/useradm.db]' -r -F
complete -c useradm -n "__fish_useradm_using_subcommand db; and __fish_seen_subcommand_from copy" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c useradm -n "__fish_useradm_using_subcommand db; and __fish_seen_subcommand_from copy" -l finish -d 'Only mark this database as moved to --to, after a copy that stopped between writing the new database and marking this one'
complete -c useradm -n "__fish_useradm_using_subcommand db; and __fish_seen_subcommand_from copy" -l json -d 'Print exactly one JSON document on stdout (errors as JSON on stderr)'
complete -c useradm -n "__fish_useradm_using_subcommand db; and __fish_seen_subcommand_from copy" -s q -l quiet -d 'Print only what was asked for: no hints or notices on stderr'
complete -c useradm -n "__fish_useradm_using_subcommand db; and __fish_seen_subcommand_from copy" -l no-input -d 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)'
complete -c useradm -n "__fish_useradm_using_subcommand db; and __fish_seen_subcommand_from copy" -s h -l help -d 'Print help'
complete -c useradm -n "__fish_useradm_using_subcommand db; and __fish_seen_subcommand_from copy" -s V -l version -d 'Print version'
complete -c useradm -n "__fish_useradm_using_subcommand db; and __fish_seen_subcommand_from help" -f -a "copy" -d 'Copy the whole store (ids, hashes, secrets, sessions, tokens, the audit chain) into a new database of either engine, then mark this one as moved: it is never opened again'
complete -c useradm -n "__fish_useradm_using_subcommand db; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c useradm -n "__fish_useradm_using_subcommand doctor" -l db -d 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user\'s data folder, e.g. ~/.local/share/useradm/useradm.db]' -r -F
complete -c useradm -n "__fish_useradm_using_subcommand doctor" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c useradm -n "__fish_useradm_using_subcommand doctor" -l fix -d 'Also purge the sessions, codes, sent mail and failure counters past retention.operational now, as the daily purge does; nothing else is changed'
complete -c useradm -n "__fish_useradm_using_subcommand doctor" -l json -d 'Print exactly one JSON document on stdout (errors as JSON on stderr)'
complete -c useradm -n "__fish_useradm_using_subcommand doctor" -s q -l quiet -d 'Print only what was asked for: no hints or notices on stderr'
complete -c useradm -n "__fish_useradm_using_subcommand doctor" -l no-input -d 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)'
complete -c useradm -n "__fish_useradm_using_subcommand doctor" -s h -l help -d 'Print help'
complete -c useradm -n "__fish_useradm_using_subcommand doctor" -s V -l version -d 'Print version'
complete -c useradm -n "__fish_useradm_using_subcommand checkpassword" -l db -d 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user\'s data folder, e.g. ~/.local/share/useradm/useradm.db]' -r -F
complete -c useradm -n "__fish_useradm_using_subcommand checkpassword" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c useradm -n "__fish_useradm_using_subcommand checkpassword" -l json -d 'Print exactly one JSON document on stdout (errors as JSON on stderr)'
complete -c useradm -n "__fish_useradm_using_subcommand checkpassword" -s q -l quiet -d 'Print only what was asked for: no hints or notices on stderr'
complete -c useradm -n "__fish_useradm_using_subcommand checkpassword" -l no-input -d 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)'
complete -c useradm -n "__fish_useradm_using_subcommand checkpassword" -s h -l help -d 'Print help'
complete -c useradm -n "__fish_useradm_using_subcommand checkpassword" -s V -l version -d 'Print version'
complete -c useradm -n "__fish_useradm_using_subcommand completions" -l db -d 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user\'s data folder, e.g. ~/.local/share/useradm/useradm.db]' -r -F
complete -c useradm -n "__fish_useradm_using_subcommand completions" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c useradm -n "__fish_useradm_using_subcommand completions" -l json -d 'Print exactly one JSON document on stdout (errors as JSON on stderr)'
complete -c useradm -n "__fish_useradm_using_subcommand completions" -s q -l quiet -d 'Print only what was asked for: no hints or notices on stderr'
complete -c useradm -n "__fish_useradm_using_subcommand completions" -l no-input -d 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)'
complete -c useradm -n "__fish_useradm_using_subcommand completions" -s h -l help -d 'Print help'
complete -c useradm -n "__fish_useradm_using_subcommand completions" -s V -l version -d 'Print version'
complete -c useradm -n "__fish_useradm_using_subcommand man" -l out-dir -d 'Folder to write the pages into (created when missing)' -r -F
complete -c useradm -n "__fish_useradm_using_subcommand man" -l db -d 'Database: a SQLite file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DBNAME (password from USERADM_DB_PASSWORD_FILE or ~/.pgpass) [env: USERADM_DB] [default: the user\'s data folder, e.g. ~/.local/share/useradm/useradm.db]' -r -F
complete -c useradm -n "__fish_useradm_using_subcommand man" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c useradm -n "__fish_useradm_using_subcommand man" -l json -d 'Print exactly one JSON document on stdout (errors as JSON on stderr)'
complete -c useradm -n "__fish_useradm_using_subcommand man" -s q -l quiet -d 'Print only what was asked for: no hints or notices on stderr'
complete -c useradm -n "__fish_useradm_using_subcommand man" -l no-input -d 'Never prompt; a missing value is a usage error (implied when stdin is not a terminal)'
complete -c useradm -n "__fish_useradm_using_subcommand man" -s h -l help -d 'Print help'
complete -c useradm -n "__fish_useradm_using_subcommand man" -s V -l version -d 'Print version'
complete -c useradm -n "__fish_useradm_using_subcommand help; and not __fish_seen_subcommand_from init register verify login authenticate logout whoami passwd reset grant revoke check roles users sessions tokens audit import apply export config 2fa mail backup restore idp db doctor checkpassword completions man help" -f -a "init" -d 'Create or migrate the database; optionally create the first administrator'
complete -c useradm -n "__fish_useradm_using_subcommand help; and not __fish_seen_subcommand_from init register verify login authenticate logout whoami passwd reset grant revoke check roles users sessions tokens audit import apply export config 2fa mail backup restore idp db doctor checkpassword completions man help" -f -a "register" -d 'Create an account and send its email verification code'
complete -c useradm -n "__fish_useradm_using_subcommand help; and not __fish_seen_subcommand_from init register verify login authenticate logout whoami passwd reset grant revoke check roles users sessions tokens audit import apply export config 2fa mail backup restore idp db doctor checkpassword completions man help" -f -a "verify" -d 'Confirm an email address with the emailed code, or send a fresh code'
complete -c useradm -n "__fish_useradm_using_subcommand help; and not __fish_seen_subcommand_from init register verify login authenticate logout whoami passwd reset grant revoke check roles users sessions tokens audit import apply export config 2fa mail backup restore idp db doctor checkpassword completions man help" -f -a "login" -d 'Check a password and open a session for the following commands'
complete -c useradm -n "__fish_useradm_using_subcommand help; and not __fish_seen_subcommand_from init register verify login authenticate logout whoami passwd reset grant revoke check roles users sessions tokens audit import apply export config 2fa mail backup restore idp db doctor checkpassword completions man help" -f -a "authenticate" -d 'Check credentials only (exit 0 or 3), without opening a session'
complete -c useradm -n "__fish_useradm_using_subcommand help; and not __fish_seen_subcommand_from init register verify login authenticate logout whoami passwd reset grant revoke check roles users sessions tokens audit import apply export config 2fa mail backup restore idp db doctor checkpassword completions man help" -f -a "logout" -d 'End this session (always succeeds); --all ends every session of the user'
complete -c useradm -n "__fish_useradm_using_subcommand help; and not __fish_seen_subcommand_from init register verify login authenticate logout whoami passwd reset grant revoke check roles users sessions tokens audit import apply export config 2fa mail backup restore idp db doctor checkpassword completions man help" -f -a "whoami" -d 'Show the logged-in user, roles, permissions and session expiry'
complete -c useradm -n "__fish_useradm_using_subcommand help; and not __fish_seen_subcommand_from init register verify login authenticate logout whoami passwd reset grant revoke check roles users sessions tokens audit import apply export config 2fa mail backup restore idp db doctor checkpassword completions man help" -f -a "passwd" -d 'Change your own password; ends your other sessions'
complete -c useradm -n "__fish_useradm_using_subcommand help; and not __fish_seen_subcommand_from init register verify login authenticate logout whoami passwd reset grant revoke check roles users sessions tokens audit import apply export config 2fa mail backup restore idp db doctor checkpassword completions man help" -f -a "reset" -d 'Ask for a password reset code, or set a new password with one'
complete -c useradm -n "__fish_useradm_using_subcommand help; and not __fish_seen_subcommand_from init register verify login authenticate logout whoami passwd reset grant revoke check roles users sessions tokens audit import apply export config 2fa mail backup restore idp db doctor checkpassword completions man help" -f -a "grant" -d 'Give roles to a user (needs roles.grant and every permission of the roles)'
complete -c useradm -n "__fish_useradm_using_subcommand help; and not __fish_seen_subcommand_from init register verify login authenticate logout whoami passwd reset grant revoke check roles users sessions tokens audit import apply export config 2fa mail backup restore idp db doctor checkpassword completions man help" -f -a "revoke" -d 'Take roles from a user (needs roles.grant and every permission of the roles)'
complete -c useradm -n "__fish_useradm_using_subcommand help; and not __fish_seen_subcommand_from init register verify login authenticate logout whoami passwd reset grant revoke check roles users sessions tokens audit import apply export config 2fa mail backup restore idp db doctor checkpassword completions man help" -f -a "check" -d 'Exit 0 when you (or --email) hold every role and permission named, 5 when not'
complete -c useradm -n "__fish_useradm_using_subcommand help; and not __fish_seen_subcommand_from init register verify login authenticate logout whoami passwd reset grant revoke check roles users sessions tokens audit import apply export config 2fa mail backup restore idp db doctor checkpassword completions man help" -f -a "roles" -d 'Manage roles and their permissions (needs roles.manage)'
complete -c useradm -n "__fish_useradm_using_subcommand help; and not __fish_seen_subcommand_from init register verify login authenticate logout whoami passwd reset grant revoke check roles users sessions tokens audit import apply export config 2fa mail backup restore idp db doctor checkpassword completions man help" -f -a "users" -d 'List, show and manage accounts (needs users.read / users.manage)'
complete -c useradm -n "__fish_useradm_using_subcommand help; and not __fish_seen_subcommand_from init register verify login authenticate logout whoami passwd reset grant revoke check roles users sessions tokens audit import apply export config 2fa mail backup restore idp db doctor checkpassword completions man help" -f -a "sessions" -d 'List and end login sessions (others\' need sessions.manage)'
complete -c useradm -n "__fish_useradm_using_subcommand help; and not __fish_seen_subcommand_from init register verify login authenticate logout whoami passwd reset grant revoke check roles users sessions tokens audit import apply export config 2fa mail backup restore idp db doctor checkpassword completions man help" -f -a "tokens" -d 'API tokens for CI jobs, used through USERADM_TOKEN'
complete -c useradm -n "__fish_useradm_using_subcommand help; and not __fish_seen_subcommand_from init register verify login authenticate logout whoami passwd reset grant revoke check roles users sessions tokens audit import apply export config 2fa mail backup restore idp db doctor checkpassword completions man help" -f -a "audit" -d 'Read the security event log and prove its integrity (needs audit.read)'
complete -c useradm -n "__fish_useradm_using_subcommand help; and not __fish_seen_subcommand_from init register verify login authenticate logout whoami passwd reset grant revoke check roles users sessions tokens audit import apply export config 2fa mail backup restore idp db doctor checkpassword completions man help" -f -a "import" -d 'Create or update accounts from CSV, JSON Lines, a Django database, a shadow or an htpasswd file (needs users.manage)'
complete -c useradm -n "__fish_useradm_using_subcommand help; and not __fish_seen_subcommand_from init register verify login authenticate logout whoami passwd reset grant revoke check roles users sessions tokens audit import apply export config 2fa mail backup restore idp db doctor checkpassword completions man help" -f -a "apply" -d 'Converge the store to a declared state (settings, identity providers, roles, accounts) from a TOML or JSON file, in one transaction; --dry-run shows the plan, --check exits 13 on drift'
complete -c useradm -n "__fish_useradm_using_subcommand help; and not __fish_seen_subcommand_from init register verify login authenticate logout whoami passwd reset grant revoke check roles users sessions tokens audit import apply export config 2fa mail backup restore idp db doctor checkpassword completions man help" -f -a "export" -d 'Write every account (profile, roles, status, email_verified; never a hash) to stdout'
complete -c useradm -n "__fish_useradm_using_subcommand help; and not __fish_seen_subcommand_from init register verify login authenticate logout whoami passwd reset grant revoke check roles users sessions tokens audit import apply export config 2fa mail backup restore idp db doctor checkpassword completions man help" -f -a "config" -d 'Read and change the policy settings (needs settings.manage)'
complete -c useradm -n "__fish_useradm_using_subcommand help; and not __fish_seen_subcommand_from init register verify login authenticate logout whoami passwd reset grant revoke check roles users sessions tokens audit import apply export config 2fa mail backup restore idp db doctor checkpassword completions man help" -f -a "2fa" -d 'A second factor (TOTP) for your account, with recovery codes'
complete -c useradm -n "__fish_useradm_using_subcommand help; and not __fish_seen_subcommand_from init register verify login authenticate logout whoami passwd reset grant revoke check roles users sessions tokens audit import apply export config 2fa mail backup restore idp db doctor checkpassword completions man help" -f -a "mail" -d 'Mail sent after answering (reset and verification codes): what waits, and sending it now (needs settings.manage)'
complete -c useradm -n "__fish_useradm_using_subcommand help; and not __fish_seen_subcommand_from init register verify login authenticate logout whoami passwd reset grant revoke check roles users sessions tokens audit import apply export config 2fa mail backup restore idp db doctor checkpassword completions man help" -f -a "backup" -d 'Write a consistent copy of the whole store (every secret it holds) to a new SQLite file, prove it, and print the audit head it holds (needs settings.manage)'
complete -c useradm -n "__fish_useradm_using_subcommand help; and not __fish_seen_subcommand_from init register verify login authenticate logout whoami passwd reset grant revoke check roles users sessions tokens audit import apply export config 2fa mail backup restore idp db doctor checkpassword completions man help" -f -a "restore" -d 'Replace the store with a backup whose audit chain verifies up to HASH; ends every session and revokes the API tokens'
complete -c useradm -n "__fish_useradm_using_subcommand help; and not __fish_seen_subcommand_from init register verify login authenticate logout whoami passwd reset grant revoke check roles users sessions tokens audit import apply export config 2fa mail backup restore idp db doctor checkpassword completions man help" -f -a "idp" -d 'Identity providers for single sign-on (`login --idp`) (needs settings.manage)'
complete -c useradm -n "__fish_useradm_using_subcommand help; and not __fish_seen_subcommand_from init register verify login authenticate logout whoami passwd reset grant revoke check roles users sessions tokens audit import apply export config 2fa mail backup restore idp db doctor checkpassword completions man help" -f -a "db" -d 'The database itself: copy it to a new file or server (needs settings.manage)'
complete -c useradm -n "__fish_useradm_using_subcommand help; and not __fish_seen_subcommand_from init register verify login authenticate logout whoami passwd reset grant revoke check roles users sessions tokens audit import apply export config 2fa mail backup restore idp db doctor checkpassword completions man help" -f -a "doctor" -d 'Check the store and what it depends on, one line per check (ok, warning, problem or skipped) with the fix for each that is not ok (needs settings.manage)'
complete -c useradm -n "__fish_useradm_using_subcommand help; and not __fish_seen_subcommand_from init register verify login authenticate logout whoami passwd reset grant revoke check roles users sessions tokens audit import apply export config 2fa mail backup restore idp db doctor checkpassword completions man help" -f -a "checkpassword" -d 'The checkpassword interface (qmail and its family): reads `user\\0password\\0timestamp\\0` from file descriptor 3; runs PROG with USER and HOME set when the password is right, else exits 1 (2: misuse, 111: a temporary failure)'
complete -c useradm -n "__fish_useradm_using_subcommand help; and not __fish_seen_subcommand_from init register verify login authenticate logout whoami passwd reset grant revoke check roles users sessions tokens audit import apply export config 2fa mail backup restore idp db doctor checkpassword completions man help" -f -a "completions" -d 'Print the shell completion script for SHELL to stdout'
complete -c useradm -n "__fish_useradm_using_subcommand help; and not __fish_seen_subcommand_from init register verify login authenticate logout whoami passwd reset grant revoke check roles users sessions tokens audit import apply export config 2fa mail backup restore idp db doctor checkpassword completions man help" -f -a "man" -d 'Write the man pages (useradm.1 and one per command) into a folder'
complete -c useradm -n "__fish_useradm_using_subcommand help; and not __fish_seen_subcommand_from init register verify login authenticate logout whoami passwd reset grant revoke check roles users sessions tokens audit import apply export config 2fa mail backup restore idp db doctor checkpassword completions man help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c useradm -n "__fish_useradm_using_subcommand help; and __fish_seen_subcommand_from roles" -f -a "list" -d 'List roles with their permissions'
complete -c useradm -n "__fish_useradm_using_subcommand help; and __fish_seen_subcommand_from roles" -f -a "show" -d 'Show one role'
complete -c useradm -n "__fish_useradm_using_subcommand help; and __fish_seen_subcommand_from roles" -f -a "create" -d 'Create a role'
complete -c useradm -n "__fish_useradm_using_subcommand help; and __fish_seen_subcommand_from roles" -f -a "delete" -d 'Delete a role (its holders lose it; asks on a terminal unless --yes)'
complete -c useradm -n "__fish_useradm_using_subcommand help; and __fish_seen_subcommand_from roles" -f -a "allow" -d 'Add permissions to a role'
complete -c useradm -n "__fish_useradm_using_subcommand help; and __fish_seen_subcommand_from roles" -f -a "deny" -d 'Remove permissions from a role'
complete -c useradm -n "__fish_useradm_using_subcommand help; and __fish_seen_subcommand_from users" -f -a "link" -d 'Link an identity of a provider (its subject, `sub`) to an account'
complete -c useradm -n "__fish_useradm_using_subcommand help; and __fish_seen_subcommand_from users" -f -a "unlink" -d 'Unlink an account\'s identities of a provider'
complete -c useradm -n "__fish_useradm_using_subcommand help; and __fish_seen_subcommand_from users" -f -a "list" -d 'List accounts'
complete -c useradm -n "__fish_useradm_using_subcommand help; and __fish_seen_subcommand_from users" -f -a "show" -d 'Show one account'
complete -c useradm -n "__fish_useradm_using_subcommand help; and __fish_seen_subcommand_from users" -f -a "update" -d 'Change names, attributes or the email address (a new address waits for its code)'
complete -c useradm -n "__fish_useradm_using_subcommand help; and __fish_seen_subcommand_from users" -f -a "disable" -d 'Disable an account: ends its sessions and tokens'
complete -c useradm -n "__fish_useradm_using_subcommand help; and __fish_seen_subcommand_from users" -f -a "enable" -d 'Enable a disabled account'
complete -c useradm -n "__fish_useradm_using_subcommand help; and __fish_seen_subcommand_from users" -f -a "unlock" -d 'Lift a lock from failed logins'
complete -c useradm -n "__fish_useradm_using_subcommand help; and __fish_seen_subcommand_from users" -f -a "reset-2fa" -d 'Remove an account\'s second factor (a lost phone)'
complete -c useradm -n "__fish_useradm_using_subcommand help; and __fish_seen_subcommand_from users" -f -a "set-password" -d 'Set an account\'s password: ends its sessions and revokes its API tokens. With --must-change (the default for a generated one) the user must change it first'
complete -c useradm -n "__fish_useradm_using_subcommand help; and __fish_seen_subcommand_from users" -f -a "delete" -d 'Delete an account (asks on a terminal unless --yes)'
complete -c useradm -n "__fish_useradm_using_subcommand help; and __fish_seen_subcommand_from sessions" -f -a "list" -d 'List your sessions (--all: everyone\'s, needs sessions.manage)'
complete -c useradm -n "__fish_useradm_using_subcommand help; and __fish_seen_subcommand_from sessions" -f -a "revoke" -d 'End a session by id'
complete -c useradm -n "__fish_useradm_using_subcommand help; and __fish_seen_subcommand_from tokens" -f -a "create" -d 'Create a token (printed once) limited to the listed permissions'
complete -c useradm -n "__fish_useradm_using_subcommand help; and __fish_seen_subcommand_from tokens" -f -a "list" -d 'List your tokens (--all: everyone\'s, needs sessions.manage)'
complete -c useradm -n "__fish_useradm_using_subcommand help; and __fish_seen_subcommand_from tokens" -f -a "revoke" -d 'Revoke a token by id'
complete -c useradm -n "__fish_useradm_using_subcommand help; and __fish_seen_subcommand_from tokens" -f -a "remind" -d 'Tell the owners of tokens that expire within 7 days, once per token (for a timer; needs sessions.manage)'
complete -c useradm -n "__fish_useradm_using_subcommand help; and __fish_seen_subcommand_from audit" -f -a "head" -d 'Print the newest link of the chain, to anchor it elsewhere'
complete -c useradm -n "__fish_useradm_using_subcommand help; and __fish_seen_subcommand_from audit" -f -a "verify" -d 'Check the whole chain (exit 12 names the first broken link)'
complete -c useradm -n "__fish_useradm_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "list" -d 'Show every setting with its value and default'
complete -c useradm -n "__fish_useradm_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "get" -d 'Print one setting\'s value'
complete -c useradm -n "__fish_useradm_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "set" -d 'Change a setting (validated; a bad value changes nothing)'
complete -c useradm -n "__fish_useradm_using_subcommand help; and __fish_seen_subcommand_from 2fa" -f -a "enable" -d 'Enrol an authenticator app: shows a QR code, then confirms with a current code'
complete -c useradm -n "__fish_useradm_using_subcommand help; and __fish_seen_subcommand_from 2fa" -f -a "status" -d 'Whether a second factor is enabled, and how many recovery codes are left'
complete -c useradm -n "__fish_useradm_using_subcommand help; and __fish_seen_subcommand_from 2fa" -f -a "disable" -d 'Remove your second factor (asks for the password and a current code)'
complete -c useradm -n "__fish_useradm_using_subcommand help; and __fish_seen_subcommand_from 2fa" -f -a "recovery-codes" -d 'Print 10 new recovery codes; the old ones stop working (asks for the password and a code)'
complete -c useradm -n "__fish_useradm_using_subcommand help; and __fish_seen_subcommand_from mail" -f -a "list" -d 'The messages waiting to be sent, with their attempts and last error (never a code)'
complete -c useradm -n "__fish_useradm_using_subcommand help; and __fish_seen_subcommand_from mail" -f -a "retry" -d 'Send what waits now (each with a fresh code, through the transport its request chose)'
complete -c useradm -n "__fish_useradm_using_subcommand help; and __fish_seen_subcommand_from mail" -f -a "deliver" -d 'Deliver queued mail: what a request starts after it answered'
complete -c useradm -n "__fish_useradm_using_subcommand help; and __fish_seen_subcommand_from idp" -f -a "add" -d 'Add an OpenID Connect provider that offers the device authorization grant'
complete -c useradm -n "__fish_useradm_using_subcommand help; and __fish_seen_subcommand_from idp" -f -a "list" -d 'The providers (never a client secret)'
complete -c useradm -n "__fish_useradm_using_subcommand help; and __fish_seen_subcommand_from idp" -f -a "show" -d 'One provider'
complete -c useradm -n "__fish_useradm_using_subcommand help; and __fish_seen_subcommand_from idp" -f -a "remove" -d 'Remove a provider and unlink every identity of it'
complete -c useradm -n "__fish_useradm_using_subcommand help; and __fish_seen_subcommand_from db" -f -a "copy" -d 'Copy the whole store (ids, hashes, secrets, sessions, tokens, the audit chain) into a new database of either engine, then mark this one as moved: it is never opened again'
