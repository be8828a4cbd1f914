//! Locks that die with the process that holds them: the kernel releases a file lock when its
//! holder exits, `kill -9` included, whatever pid namespace it ran in; PostgreSQL releases a
//! session's advisory locks when its connection ends. Two kinds:
//!
//! - a **lease** on each password or code check in flight, so that the lockout can tell a check
//!   still running from one whose process is gone: a file `lease-<id>` beside a SQLite database,
//!   an advisory lock on a random key on a server (every host sees it);
//! - the host's **budget of hash memory** (`memory-<n>`, each a slot of [`SLOT_KIB`]), so that
//!   parallel checks of costly stored hashes cannot take more memory than the budget: files in a
//!   folder of this host (`<database>.locks/` beside a SQLite file, the state folder for a
//!   server's database).

use std::fs::{File, OpenOptions};
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use nix::fcntl::{Flock, FlockArg};

use crate::error::{Error, Result, Unavailable};
use crate::files::Sharing;

/// One slot of the memory budget.
pub const SLOT_KIB: u64 = 4096;

/// The folder of lock files of one database.
#[derive(Debug, Clone)]
pub struct LockDir {
    path: PathBuf,
    sharing: Sharing,
}

/// A check in flight.
#[derive(Debug)]
pub enum Lease {
    /// A locked file beside a SQLite database; dropping it ends the lease.
    File(FileLease),
    /// An advisory lock of this process's connection to the server, ended with the connection.
    Server(String),
}

impl Lease {
    pub fn id(&self) -> &str {
        match self {
            Lease::File(f) => &f.id,
            Lease::Server(id) => id,
        }
    }
}

#[derive(Debug)]
pub struct FileLease {
    id: String,
    path: PathBuf,
    _lock: Flock<File>,
}

impl Drop for FileLease {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.path);
    }
}

/// Memory of the host's budget, held for one check; dropping it gives the slots back.
#[derive(Debug)]
pub struct MemoryPermit {
    _slots: Vec<Flock<File>>,
}

impl LockDir {
    /// A lock folder of this host's own (a server's database), private to its owner.
    pub fn at(path: PathBuf) -> LockDir {
        LockDir {
            path,
            sharing: Sharing::PRIVATE,
        }
    }

    /// The lock folder beside a database file, shared as the database is.
    pub fn beside(db: &Path) -> LockDir {
        let mut name = db.file_name().unwrap_or_default().to_os_string();
        name.push(".locks");
        LockDir {
            path: db.with_file_name(name),
            sharing: Sharing::of_file(db),
        }
    }

    fn ensure(&self) -> Result<()> {
        if !self.path.is_dir() {
            self.sharing
                .create_dirs(&self.path)
                .map_err(|e| self.error(&e))?;
        }
        Ok(())
    }

    fn error(&self, e: &std::io::Error) -> Error {
        Error::storage(format!(
            "cannot use the lock folder {}: {e}",
            self.path.display()
        ))
    }

    fn open(&self, name: &str, create: bool) -> std::io::Result<File> {
        let path = self.path.join(name);
        let file = OpenOptions::new()
            .read(true)
            .write(true)
            .create(create)
            .mode(self.sharing.file_mode())
            .custom_flags(nix::libc::O_NOFOLLOW)
            .open(&path)?;
        if create {
            self.sharing.apply_to_file(&path)?;
        }
        Ok(file)
    }

    /// Takes a new lease for a check about to start.
    pub fn take_lease(&self) -> Result<Lease> {
        self.ensure()?;
        let id = crate::crypto::hex(&crate::crypto::random_bytes::<8>()?);
        let name = format!("lease-{id}");
        let file = self.open(&name, true).map_err(|e| self.error(&e))?;
        let lock = Flock::lock(file, FlockArg::LockExclusiveNonblock)
            .map_err(|(_, e)| self.error(&std::io::Error::from(e)))?;
        Ok(Lease::File(FileLease {
            path: self.path.join(name),
            id,
            _lock: lock,
        }))
    }

    /// Whether the process that took the lease `id` still holds it. A lease found dead has its
    /// file removed.
    pub fn lease_alive(&self, id: &str) -> bool {
        if id.is_empty() || !id.bytes().all(|b| b.is_ascii_hexdigit()) {
            return false;
        }
        let name = format!("lease-{id}");
        let Ok(file) = self.open(&name, false) else {
            return false;
        };
        match Flock::lock(file, FlockArg::LockExclusiveNonblock) {
            Ok(_dead) => {
                let _ = std::fs::remove_file(self.path.join(name));
                false
            }
            Err((_, e)) => e == nix::errno::Errno::EWOULDBLOCK,
        }
    }

    /// Takes `kib` of the host's `budget_kib` for one check, waiting up to `wait` for other
    /// checks to give theirs back (then exit 8, `rate_limited`). A check larger than the whole
    /// budget takes all of it, so it runs alone.
    pub fn take_memory(&self, kib: u64, budget_kib: u64, wait: Duration) -> Result<MemoryPermit> {
        self.ensure()?;
        let slots = (budget_kib / SLOT_KIB).max(1);
        let wanted = kib.div_ceil(SLOT_KIB).clamp(1, slots);
        let started = Instant::now();
        // Each attempt starts at a different slot, so parallel checks seldom collide.
        let offset = u64::from(crate::crypto::random_bytes::<2>().map(u16::from_le_bytes)?);
        loop {
            let mut held = Vec::new();
            for i in 0..slots {
                let n = (offset + i) % slots;
                let file = self
                    .open(&format!("memory-{n}"), true)
                    .map_err(|e| self.error(&e))?;
                if let Ok(lock) = Flock::lock(file, FlockArg::LockExclusiveNonblock) {
                    held.push(lock);
                    if held.len() as u64 == wanted {
                        return Ok(MemoryPermit { _slots: held });
                    }
                }
            }
            drop(held);
            if started.elapsed() >= wait {
                return Err(Error::unavailable(
                    Unavailable::RateLimited,
                    "too many password checks are running on this host; try again",
                ));
            }
            std::thread::sleep(Duration::from_millis(25));
        }
    }
}
