//! The small read-only groups: brands, smart filters, account, users, profiles, OAuth scopes.

use serde_json::{Value, json};

use crate::client::Client;
use crate::error::Error;
use crate::models::{self, Brand, Derivative, Profile, ScopeGroups, SmartFilter, User};

macro_rules! group {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy)]
        pub struct $name<'a> {
            pub(crate) client: &'a Client,
        }
    };
}

group!(/// Brand operations. Get it with [`Client::brands`].
    Brands);
group!(/// Smart filter operations. Get it with [`Client::smartfilters`].
    SmartFilters);
group!(/// Account operations. Get it with [`Client::account`].
    Account);
group!(/// User operations. Get it with [`Client::users`].
    Users);
group!(/// Security profile operations. Get it with [`Client::profiles`].
    Profiles);
group!(/// OAuth2 discovery. Get it with [`Client::oauth`].
    Oauth);

impl Brands<'_> {
    /// All brands, each with its sub-brands.
    pub async fn list(self) -> Result<Vec<Brand>, Error> {
        self.client.call_items_as("brands.list", Value::Null).await
    }
}

impl SmartFilters<'_> {
    /// All smart filters.
    pub async fn list(self) -> Result<Vec<SmartFilter>, Error> {
        self.client
            .call_items_as("smartfilters.list", Value::Null)
            .await
    }
}

impl Account<'_> {
    /// The account (portal) settings.
    pub async fn get(self) -> Result<models::Account, Error> {
        self.client.call_as("account.get", Value::Null).await
    }

    /// The account's derivatives.
    pub async fn derivatives(self) -> Result<Vec<Derivative>, Error> {
        self.client
            .call_items_as("account.derivatives", Value::Null)
            .await
    }
}

impl Users<'_> {
    /// The user the token belongs to.
    pub async fn current(self) -> Result<User, Error> {
        self.client.call_as("users.current", Value::Null).await
    }
}

impl Profiles<'_> {
    /// All security profiles.
    pub async fn list(self) -> Result<Vec<Profile>, Error> {
        self.client
            .call_items_as("profiles.list", Value::Null)
            .await
    }

    /// One security profile.
    pub async fn get(self, id: &str) -> Result<Profile, Error> {
        self.client.call_as("profiles.get", json!({"id": id})).await
    }
}

impl Oauth<'_> {
    /// The scopes the portal offers, grouped.
    pub async fn scopes(self) -> Result<ScopeGroups, Error> {
        self.client.call_as("oauth.scopes", Value::Null).await
    }
}
