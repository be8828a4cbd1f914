//! The `settings` table: the policy, one row per setting.

use super::Tx;
use super::engine::params;
use crate::error::Result;
use crate::settings::DEFINITIONS;

impl Tx<'_> {
    pub fn set_setting(&self, key: &str, value: &str, now: i64) -> Result<()> {
        self.exec(
            "INSERT INTO settings (key, value, updated_at) VALUES (?1, ?2, ?3)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
            params![key, value, now],
        )?;
        Ok(())
    }

    /// The defaults are rows, so that other programs reading the database see the policy.
    pub(super) fn seed_settings(&self, now: i64) -> Result<()> {
        for def in DEFINITIONS {
            self.exec(
                "INSERT INTO settings (key, value, updated_at) VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING",
                params![def.key, def.default, now],
            )?;
        }
        Ok(())
    }
}
