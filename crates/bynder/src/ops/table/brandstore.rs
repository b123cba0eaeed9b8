//! Operation table entries of the Brandstore groups (`/api/store`, `reference/bynder-api.md`
//! §5.9 and `reference/openapi/bynder-brandstore-openapi.json`): `orders` and their
//! `orderlines`. `/api` without `v4` takes RFC 4122 ids (§1.2), which is also what the order
//! list answers.

use crate::ops::Method::{Get, Patch, Post};
use crate::ops::Model::{List, One};
use crate::ops::{Encoding, Operation, std_uuid};
use crate::scope::Scope::{BrandstoreOrderRead, BrandstoreOrderWrite};

pub const OPERATIONS: &[Operation] = &[
    Operation::new("orders.list", Get, "/api/store/order/")
        // No paging style: Bynder documents `page` but not the page size, so the end of the
        // list cannot be told from a short page.
        .doc("List Brandstore orders, newest first, one `page` (from 1) at a time.")
        .params(&["page"])
        .scopes(&[BrandstoreOrderRead])
        .returns(List("OrderSummary")),
    Operation::new("orders.get", Get, "/api/store/order/{id}/")
        .doc("Retrieve one order: `status`, `orderReference`, `dateCreated`.")
        .ids(&[std_uuid("id")])
        .scopes(&[BrandstoreOrderRead])
        .returns(One("Order")),
    Operation::new("orders.products", Get, "/api/store/order/{id}/products")
        .doc("List the products (orderlines) of an order, with quantity and price.")
        .ids(&[std_uuid("id")])
        .scopes(&[BrandstoreOrderRead])
        .returns(List("Orderline")),
    Operation::new("orders.modify", Post, "/api/store/order/{id}/products")
        .doc("Change an order's `status` (e.g. `OUT_FOR_DELIVERY`), with `message` and `trackingnumber`.")
        .ids(&[std_uuid("id")])
        .params(&["status", "message", "trackingnumber"])
        .scopes(&[BrandstoreOrderWrite])
        .returns(One("Status")),
    Operation::new("orderlines.get", Get, "/api/store/orderproducts/{id}")
        .doc("Retrieve one orderline: `status`, `orderId`, `customerReference`.")
        .ids(&[std_uuid("id")])
        .scopes(&[BrandstoreOrderRead])
        .returns(One("Orderline")),
    Operation::new("orderlines.modify", Patch, "/api/store/orderproducts/{id}")
        .doc("Approve or reject an orderline (`status`), or set its `customerReference`.")
        .ids(&[std_uuid("id")])
        .params(&["status", "customerReference"])
        .encoding(Encoding::Json)
        .scopes(&[BrandstoreOrderWrite])
        .returns(One("Status")),
];
