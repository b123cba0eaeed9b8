//! Brandstore orders and orderlines (`/api/store`, OAS brandstore). The order list and the
//! order detail spell their fields differently (`order_ref` / `orderReference`), so each has a
//! model of its own.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::lenient::BynderDate;

/// An order as the list answers it (items of `orders.list`).
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct OrderSummary {
    /// Id, as returned (RFC 4122).
    #[serde(
        deserialize_with = "crate::lenient::string",
        skip_serializing_if = "String::is_empty"
    )]
    pub id: String,
    /// Order reference, e.g. `NA13334`.
    #[serde(
        deserialize_with = "crate::lenient::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub order_ref: Option<String>,
    /// Net price.
    #[serde(
        deserialize_with = "crate::lenient::opt_f64",
        skip_serializing_if = "Option::is_none"
    )]
    pub net_price: Option<f64>,
    /// Creation date.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date_created: Option<BynderDate>,
    /// Who ordered.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub username: Option<String>,
    /// Account name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub account_name: Option<String>,
    /// Status label, e.g. `In production`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub order_status: Option<String>,
    /// Currency symbol as a character code (`8364` is €).
    #[serde(
        deserialize_with = "crate::lenient::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub currency_symbol: Option<String>,
    /// Fields not named above.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// One order (`orders.get`).
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default, rename_all = "camelCase")]
pub struct Order {
    /// Id, as returned.
    #[serde(
        deserialize_with = "crate::lenient::string",
        skip_serializing_if = "String::is_empty"
    )]
    pub id: String,
    /// Creation date.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date_created: Option<BynderDate>,
    /// Status code, e.g. `IN_PRODUCTION`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    /// Order reference.
    #[serde(
        deserialize_with = "crate::lenient::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub order_reference: Option<String>,
    /// Fields not named above.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// An orderline: `orderlines.get` answers its status and references, the items of
/// `orders.products` its product, quantity and price.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default, rename_all = "camelCase")]
pub struct Orderline {
    /// Id, as returned.
    #[serde(
        deserialize_with = "crate::lenient::string",
        skip_serializing_if = "String::is_empty"
    )]
    pub id: String,
    /// Id of its order.
    #[serde(
        deserialize_with = "crate::lenient::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub order_id: Option<String>,
    /// Approval status, e.g. `approved`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    /// The customer's reference.
    #[serde(
        deserialize_with = "crate::lenient::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub customer_reference: Option<String>,
    /// The product ordered.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub product: Option<StoreProduct>,
    /// Product number.
    #[serde(
        deserialize_with = "crate::lenient::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub reference_id: Option<String>,
    /// Product name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Price of one item.
    #[serde(
        deserialize_with = "crate::lenient::opt_f64",
        skip_serializing_if = "Option::is_none"
    )]
    pub item_price: Option<f64>,
    /// Quantity.
    #[serde(
        deserialize_with = "crate::lenient::opt_u64",
        skip_serializing_if = "Option::is_none"
    )]
    pub quantity: Option<u64>,
    /// Fields not named above.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// A Brandstore product as an [`Orderline`] carries it.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct StoreProduct {
    /// Id, as returned.
    #[serde(
        deserialize_with = "crate::lenient::string",
        skip_serializing_if = "String::is_empty"
    )]
    pub id: String,
    /// Name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Description.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Featured.
    #[serde(
        rename = "isFeatured",
        deserialize_with = "crate::lenient::opt_bool",
        skip_serializing_if = "Option::is_none"
    )]
    pub is_featured: Option<bool>,
    /// Product number.
    #[serde(
        deserialize_with = "crate::lenient::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub product_number: Option<String>,
    /// Height.
    #[serde(
        deserialize_with = "crate::lenient::opt_f64",
        skip_serializing_if = "Option::is_none"
    )]
    pub size_height: Option<f64>,
    /// Width.
    #[serde(
        deserialize_with = "crate::lenient::opt_f64",
        skip_serializing_if = "Option::is_none"
    )]
    pub size_width: Option<f64>,
    /// Depth.
    #[serde(
        deserialize_with = "crate::lenient::opt_f64",
        skip_serializing_if = "Option::is_none"
    )]
    pub size_depth: Option<f64>,
    /// Weight.
    #[serde(
        deserialize_with = "crate::lenient::opt_f64",
        skip_serializing_if = "Option::is_none"
    )]
    pub weight: Option<f64>,
    /// Smallest quantity that may be ordered.
    #[serde(
        deserialize_with = "crate::lenient::opt_u64",
        skip_serializing_if = "Option::is_none"
    )]
    pub min_quantity: Option<u64>,
    /// Largest quantity that may be ordered.
    #[serde(
        deserialize_with = "crate::lenient::opt_u64",
        skip_serializing_if = "Option::is_none"
    )]
    pub max_quantity: Option<u64>,
    /// Quantity proposed.
    #[serde(
        deserialize_with = "crate::lenient::opt_u64",
        skip_serializing_if = "Option::is_none"
    )]
    pub default_quantity: Option<u64>,
    /// Creation date.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub datecreated: Option<BynderDate>,
    /// Active.
    #[serde(
        rename = "isActive",
        deserialize_with = "crate::lenient::opt_bool",
        skip_serializing_if = "Option::is_none"
    )]
    pub is_active: Option<bool>,
    /// Type, e.g. `print`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub product_type: Option<String>,
    /// Packaging, e.g. `unit`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub product_package: Option<String>,
    /// Stock keeping unit.
    #[serde(
        deserialize_with = "crate::lenient::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub sku: Option<String>,
    /// Quantity step.
    #[serde(
        deserialize_with = "crate::lenient::opt_u64",
        skip_serializing_if = "Option::is_none"
    )]
    pub step: Option<u64>,
    /// Length unit of the sizes, e.g. `cm`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub display_length_unit: Option<String>,
    /// Free of charge.
    #[serde(
        rename = "isFree",
        deserialize_with = "crate::lenient::opt_bool",
        skip_serializing_if = "Option::is_none"
    )]
    pub is_free: Option<bool>,
    /// Shipped.
    #[serde(
        rename = "isShipping",
        deserialize_with = "crate::lenient::opt_bool",
        skip_serializing_if = "Option::is_none"
    )]
    pub is_shipping: Option<bool>,
    /// Fields not named above.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}
