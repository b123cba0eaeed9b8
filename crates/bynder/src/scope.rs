//! OAuth2 scopes as typed values (`reference/bynder-api.md` §2.7).

use std::fmt;
use std::str::FromStr;

use crate::error::{Error, ErrorKind};

macro_rules! scopes {
    ($($variant:ident => $text:literal,)*) => {
        /// One OAuth2 scope Bynder knows. `Display` and `FromStr` use Bynder's spelling.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum Scope { $($variant,)* }

        impl Scope {
            /// Every scope, in Bynder's documentation order.
            pub const ALL: &'static [Scope] = &[$(Scope::$variant,)*];

            /// Bynder's spelling, e.g. `asset:read`.
            pub const fn as_str(self) -> &'static str {
                match self { $(Scope::$variant => $text,)* }
            }
        }

        impl FromStr for Scope {
            type Err = Error;
            fn from_str(s: &str) -> Result<Self, Error> {
                match s {
                    $($text => Ok(Scope::$variant),)*
                    other => Err(Error::new(
                        ErrorKind::InvalidArgument,
                        format!("unknown OAuth2 scope {other:?}"),
                    )),
                }
            }
        }
    };
}

scopes! {
    Offline => "offline",
    AdminProfileRead => "admin.profile:read",
    AdminUserRead => "admin.user:read",
    AdminUserWrite => "admin.user:write",
    CurrentProfileRead => "current.profile:read",
    CurrentUserRead => "current.user:read",
    AssetRead => "asset:read",
    AssetWrite => "asset:write",
    AssetUsageRead => "asset.usage:read",
    AssetUsageWrite => "asset.usage:write",
    CollectionRead => "collection:read",
    CollectionWrite => "collection:write",
    MetaAssetbankRead => "meta.assetbank:read",
    MetaAssetbankWrite => "meta.assetbank:write",
    MetaWorkflowRead => "meta.workflow:read",
    WorkflowCampaignRead => "workflow.campaign:read",
    WorkflowCampaignWrite => "workflow.campaign:write",
    WorkflowGroupRead => "workflow.group:read",
    WorkflowGroupWrite => "workflow.group:write",
    WorkflowJobRead => "workflow.job:read",
    WorkflowJobWrite => "workflow.job:write",
    WorkflowJobApprove => "workflow.job:approve",
    WorkflowPresetRead => "workflow.preset:read",
    BrandstoreOrderRead => "brandstore.order:read",
    BrandstoreOrderWrite => "brandstore.order:write",
    AnalyticsApiRead => "analytics.api:read",
    AntivirusAssetAuditRead => "antivirus.asset.audit:read",
    AntivirusAssetAuditWrite => "antivirus.asset.audit:write",
    WebhooksConfigRead => "webhooks.config:read",
    WebhooksConfigWrite => "webhooks.config:write",
}

impl fmt::Display for Scope {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Joins scopes the way Bynder expects them: space-separated.
pub fn join(scopes: &[Scope]) -> String {
    scopes
        .iter()
        .map(|s| s.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Parses a space-separated scope string, skipping scopes this crate does not know
/// (a portal may grant newer ones).
pub fn parse_lenient(text: &str) -> Vec<Scope> {
    text.split_whitespace()
        .filter_map(|s| s.parse().ok())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_scope_round_trips_through_its_text() {
        for scope in Scope::ALL {
            assert_eq!(scope.as_str().parse::<Scope>().unwrap(), *scope);
        }
        assert_eq!(Scope::ALL.len(), 30);
    }

    #[test]
    fn unknown_scope_is_an_invalid_argument() {
        let err = "asset:fly".parse::<Scope>().unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidArgument);
        assert!(err.to_string().contains("asset:fly"));
    }

    #[test]
    fn lenient_parse_skips_unknown_scopes() {
        assert_eq!(
            parse_lenient("offline  asset:read new:thing"),
            vec![Scope::Offline, Scope::AssetRead]
        );
        assert_eq!(
            join(&[Scope::Offline, Scope::AssetRead]),
            "offline asset:read"
        );
    }
}
