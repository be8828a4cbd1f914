//! `identity_providers` and `identities`: single sign-on's providers and the identities linked
//! to accounts.

use super::engine::{Row, params};
use super::{Sql, Tx};
use crate::error::{Error, Result};

/// A configured provider. `client_secret` never leaves the library but to the provider.
#[derive(Debug, Clone)]
pub struct ProviderRow {
    pub name: String,
    pub issuer: String,
    pub client_id: String,
    pub client_secret: Option<String>,
    /// Space-separated, as OAuth sends them.
    pub scopes: String,
    /// Comma-separated domains; empty: none.
    pub allowed_domains: String,
    pub link_by_email: bool,
    pub mfa_by_amr: bool,
    pub created_at: i64,
}

/// An identity (issuer + subject) linked to an account.
#[derive(Debug, Clone)]
pub struct IdentityRow {
    pub issuer: String,
    pub subject: String,
    pub user_id: i64,
    pub provider: String,
    pub linked_at: i64,
    pub last_login_at: Option<i64>,
}

const PROVIDER_COLUMNS: &str = "name, issuer, client_id, client_secret, scopes, allowed_domains, \
                                link_by, mfa_by_amr, created_at";
const IDENTITY_COLUMNS: &str = "issuer, subject, user_id, provider, linked_at, last_login_at";

fn provider_from(r: &Row<'_, '_>) -> Result<ProviderRow> {
    Ok(ProviderRow {
        name: r.text(0)?,
        issuer: r.text(1)?,
        client_id: r.text(2)?,
        client_secret: r.opt_text(3)?,
        scopes: r.text(4)?,
        allowed_domains: r.text(5)?,
        link_by_email: r.text(6)? == "verified-email",
        mfa_by_amr: r.flag(7)?,
        created_at: r.int(8)?,
    })
}

fn link_by(p: &ProviderRow) -> &'static str {
    match p.link_by_email {
        true => "verified-email",
        false => "none",
    }
}

fn identity_from(r: &Row<'_, '_>) -> Result<IdentityRow> {
    Ok(IdentityRow {
        issuer: r.text(0)?,
        subject: r.text(1)?,
        user_id: r.int(2)?,
        provider: r.text(3)?,
        linked_at: r.int(4)?,
        last_login_at: r.opt_int(5)?,
    })
}

impl Sql<'_> {
    pub fn providers(&self) -> Result<Vec<ProviderRow>> {
        self.all(
            &format!("SELECT {PROVIDER_COLUMNS} FROM identity_providers ORDER BY name"),
            &[],
            provider_from,
        )
    }

    pub fn provider(&self, name: &str) -> Result<Option<ProviderRow>> {
        self.first(
            &format!("SELECT {PROVIDER_COLUMNS} FROM identity_providers WHERE name = ?1"),
            params![name],
            provider_from,
        )
    }

    pub fn identity(&self, issuer: &str, subject: &str) -> Result<Option<IdentityRow>> {
        self.first(
            &format!(
                "SELECT {IDENTITY_COLUMNS} FROM identities WHERE issuer = ?1 AND subject = ?2"
            ),
            params![issuer, subject],
            identity_from,
        )
    }

    /// Every linked identity as (account id, provider, subject), for a plan.
    pub fn all_links(&self) -> Result<Vec<(i64, String, String)>> {
        self.all(
            "SELECT user_id, provider, subject FROM identities ORDER BY provider, subject",
            &[],
            |r| Ok((r.int(0)?, r.text(1)?, r.text(2)?)),
        )
    }

    /// The identities linked to an account.
    pub fn identities_of(&self, user_id: i64) -> Result<Vec<IdentityRow>> {
        self.all(
            &format!(
                "SELECT {IDENTITY_COLUMNS} FROM identities WHERE user_id = ?1 ORDER BY provider, subject"
            ),
            params![user_id],
            identity_from,
        )
    }
}

impl Tx<'_> {
    /// Adds a provider; a taken name is a conflict (exit 6).
    pub fn insert_provider(&self, p: &ProviderRow) -> Result<()> {
        let added = self.exec_unique(
            "INSERT INTO identity_providers (name, issuer, client_id, client_secret, scopes,
                                             allowed_domains, link_by, mfa_by_amr, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            params![
                &p.name,
                &p.issuer,
                &p.client_id,
                p.client_secret.as_deref(),
                &p.scopes,
                &p.allowed_domains,
                link_by(p),
                i64::from(p.mfa_by_amr),
                p.created_at
            ],
        )?;
        added
            .map(|_| ())
            .ok_or_else(|| Error::Conflict(format!("an identity provider named {} exists", p.name)))
    }

    /// Changes a provider's every field but its name, issuer and creation time.
    pub fn update_provider(&self, p: &ProviderRow) -> Result<()> {
        self.exec(
            "UPDATE identity_providers SET client_id = ?2, client_secret = ?3, scopes = ?4,
                    allowed_domains = ?5, link_by = ?6, mfa_by_amr = ?7
              WHERE name = ?1",
            params![
                &p.name,
                &p.client_id,
                p.client_secret.as_deref(),
                &p.scopes,
                &p.allowed_domains,
                link_by(p),
                i64::from(p.mfa_by_amr)
            ],
        )?;
        Ok(())
    }

    /// Removes a provider and the identities linked through it; how many identities went.
    pub fn delete_provider(&self, name: &str) -> Result<usize> {
        let links = self.exec("DELETE FROM identities WHERE provider = ?1", params![name])?;
        self.exec(
            "DELETE FROM identity_providers WHERE name = ?1",
            params![name],
        )?;
        Ok(links)
    }

    /// Links an identity to an account; one already linked is a conflict (exit 6).
    pub fn link_identity(&self, i: &IdentityRow) -> Result<()> {
        let added = self.exec_unique(
            "INSERT INTO identities (issuer, subject, user_id, provider, linked_at)
             VALUES (?1, ?2, ?3, ?4, ?5)",
            params![&i.issuer, &i.subject, i.user_id, &i.provider, i.linked_at],
        )?;
        added.map(|_| ()).ok_or_else(|| {
            Error::Conflict(format!(
                "the identity {} of {} is linked to an account already",
                i.subject, i.provider
            ))
        })
    }

    /// Unlinks an account's identity of a provider; how many went.
    pub fn unlink_identity(
        &self,
        user_id: i64,
        provider: &str,
        subject: Option<&str>,
    ) -> Result<usize> {
        self.exec(
            "DELETE FROM identities WHERE user_id = ?1 AND provider = ?2 AND (?3 IS NULL OR subject = ?3)",
            params![user_id, provider, subject],
        )
    }

    pub fn touch_identity(&self, issuer: &str, subject: &str, now: i64) -> Result<()> {
        self.exec(
            "UPDATE identities SET last_login_at = ?3 WHERE issuer = ?1 AND subject = ?2",
            params![issuer, subject, now],
        )?;
        Ok(())
    }
}
