
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
            cand --db 'Database file [default: the user''s data folder, e.g. ~/.local/share/useradm/useradm.db]'
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
            cand config 'Read and change the policy settings (needs settings.manage)'
            cand completions 'Print the shell completion script for SHELL to stdout'
            cand man 'Write the man pages (useradm.1 and one per command) into a folder'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'useradm;init'= {
            cand --admin 'Also create the first administrator with this email (verified, role admin)'
            cand --password-file 'Read the password from the first line of a file'
            cand --group 'Share the database with this group of administrators (files 0660, folder 0770)'
            cand --db 'Database file [default: the user''s data folder, e.g. ~/.local/share/useradm/useradm.db]'
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
            cand --db 'Database file [default: the user''s data folder, e.g. ~/.local/share/useradm/useradm.db]'
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
            cand --code 'The code from the message (asked on a terminal when missing)'
            cand --db 'Database file [default: the user''s data folder, e.g. ~/.local/share/useradm/useradm.db]'
            cand --color 'When to use colour'
            cand --code-stdin 'Read the code from the first line of standard input'
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
            cand --password-file 'Read the password from the first line of a file'
            cand --db 'Database file [default: the user''s data folder, e.g. ~/.local/share/useradm/useradm.db]'
            cand --color 'When to use colour'
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
        &'useradm;authenticate'= {
            cand --email 'Email address'
            cand --password-file 'Read the password from the first line of a file'
            cand --db 'Database file [default: the user''s data folder, e.g. ~/.local/share/useradm/useradm.db]'
            cand --color 'When to use colour'
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
        &'useradm;logout'= {
            cand --db 'Database file [default: the user''s data folder, e.g. ~/.local/share/useradm/useradm.db]'
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
            cand --db 'Database file [default: the user''s data folder, e.g. ~/.local/share/useradm/useradm.db]'
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
            cand --db 'Database file [default: the user''s data folder, e.g. ~/.local/share/useradm/useradm.db]'
            cand --color 'When to use colour'
            cand --password-stdin 'Read line 1 (current password) and line 2 (new password) from standard input'
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
            cand --code 'The code from the reset message: sets a new password instead of asking for a code'
            cand --password-file 'Read the password from the first line of a file'
            cand --db 'Database file [default: the user''s data folder, e.g. ~/.local/share/useradm/useradm.db]'
            cand --color 'When to use colour'
            cand --code-stdin 'Read the code from line 1 of standard input (then the password from the next line)'
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
        &'useradm;config'= {
            cand --db 'Database file [default: the user''s data folder, e.g. ~/.local/share/useradm/useradm.db]'
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
            cand --db 'Database file [default: the user''s data folder, e.g. ~/.local/share/useradm/useradm.db]'
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
            cand --db 'Database file [default: the user''s data folder, e.g. ~/.local/share/useradm/useradm.db]'
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
            cand --db 'Database file [default: the user''s data folder, e.g. ~/.local/share/useradm/useradm.db]'
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
        &'useradm;completions'= {
            cand --db 'Database file [default: the user''s data folder, e.g. ~/.local/share/useradm/useradm.db]'
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
            cand --db 'Database file [default: the user''s data folder, e.g. ~/.local/share/useradm/useradm.db]'
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
            cand config 'Read and change the policy settings (needs settings.manage)'
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
        &'useradm;help;completions'= {
        }
        &'useradm;help;man'= {
        }
        &'useradm;help;help'= {
        }
    ]
    $completions[$command]
}
