//! The Brandstore operations (`orders.*`, `orderlines.*`) through `Client::call`, against the
//! mock over HTTP: orders list a page at a time and carry their products; changing an order's
//! status or an orderline's approval is read back; bad input and unknown ids get Brandstore's
//! `status_code` errors; the scopes are enforced.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly on purpose

mod common;

use std::collections::HashSet;

use bynder::id::BynderId;
use bynder::{Client, ErrorKind, Scope};
use serde_json::{Value, json};

use common::*;

fn store_client(portal: &bynder_mock::MockPortal, scopes: &[Scope]) -> Client {
    let config = portal.config();
    builder(portal)
        .client_credentials(
            config.client_id.as_str(),
            config.client_secret.as_str(),
            scopes,
        )
        .build()
        .unwrap()
}

fn rows(value: &Value) -> &Vec<Value> {
    value
        .as_array()
        .unwrap_or_else(|| panic!("not a list: {value}"))
}

/// Every order, page after page until an empty one.
async fn every_order(client: &Client) -> Vec<Value> {
    let mut out = Vec::new();
    for page in 1.. {
        let orders = client
            .call("orders.list", json!({"page": page}))
            .await
            .unwrap();
        if rows(&orders).is_empty() {
            return out;
        }
        out.extend(rows(&orders).iter().cloned());
    }
    unreachable!()
}

#[tokio::test]
async fn orders_list_by_page_newest_first_and_match_their_details() {
    let portal = portal().await;
    let client = permanent(&portal);
    let first = client.call("orders.list", json!({})).await.unwrap();
    let paged = client
        .call("orders.list", json!({"page": 1}))
        .await
        .unwrap();
    assert_eq!(first, paged, "page 1 is the default");
    let orders = every_order(&client).await;
    assert!(orders.len() > rows(&first).len(), "more than one page");
    let ids: HashSet<&str> = orders.iter().map(|o| o["id"].as_str().unwrap()).collect();
    assert_eq!(ids.len(), orders.len());
    let dates: Vec<&str> = orders
        .iter()
        .map(|o| o["date_created"].as_str().unwrap())
        .collect();
    assert!(dates.windows(2).all(|w| w[0] >= w[1]), "newest first");

    for order in &orders {
        let id = order["id"].as_str().unwrap();
        assert_eq!(BynderId::parse(id).unwrap().to_rfc4122(), id);
        let detail = client.call("orders.get", json!({"id": id})).await.unwrap();
        assert_eq!(detail["id"], id);
        assert_eq!(detail["orderReference"], order["order_ref"]);
        // The list shows the status as a label: `IN_PRODUCTION` is "In production".
        let label = order["order_status"].as_str().unwrap();
        assert_eq!(
            detail["status"].as_str().unwrap(),
            label.to_ascii_uppercase().replace(' ', "_")
        );
        // The net price is the sum of the orderlines.
        let lines = client
            .call("orders.products", json!({"id": id}))
            .await
            .unwrap();
        assert!(!rows(&lines).is_empty());
        let sum: f64 = rows(&lines)
            .iter()
            .map(|l| l["itemPrice"].as_f64().unwrap() * l["quantity"].as_f64().unwrap())
            .sum();
        let net = order["net_price"].as_f64().unwrap();
        assert!((net - sum).abs() < 0.01, "{net} vs {sum}");
        for line in rows(&lines) {
            assert_eq!(line["orderId"], id);
            assert_eq!(line["name"], line["product"]["name"]);
            assert_eq!(line["referenceId"], line["product"]["product_number"]);
        }
    }
}

#[tokio::test]
async fn an_order_status_change_is_read_back() {
    let portal = portal().await;
    let client = permanent(&portal);
    let orders = every_order(&client).await;
    let order = orders
        .iter()
        .find(|o| o["order_status"] != "Out for delivery")
        .unwrap();
    let id = order["id"].as_str().unwrap();
    let answer = client
        .call(
            "orders.modify",
            json!({"id": id, "status": "OUT_FOR_DELIVERY", "message": "Order has been shipped",
                   "trackingnumber": "3SABCD1234567"}),
        )
        .await
        .unwrap();
    assert_eq!(answer, json!({"message": "Created", "status_code": 201}));
    // The path id may be given in ColdFusion form: the client converts it.
    let cf = BynderId::parse(id).unwrap().to_coldfusion();
    let detail = client.call("orders.get", json!({"id": cf})).await.unwrap();
    assert_eq!(detail["status"], "OUT_FOR_DELIVERY");
    let listed = every_order(&client).await;
    let again = listed.iter().find(|o| o["id"] == id).unwrap();
    assert_eq!(again["order_status"], "Out for delivery");

    let err = client
        .call("orders.modify", json!({"id": id, "status": "SHIPPED"}))
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Validation);
    assert!(err.message().contains("SHIPPED"), "{}", err.message());
    let err = client
        .call("orders.modify", json!({"id": id}))
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Validation);
    let unchanged = client.call("orders.get", json!({"id": id})).await.unwrap();
    assert_eq!(unchanged["status"], "OUT_FOR_DELIVERY");
}

#[tokio::test]
async fn orderlines_are_approved_or_rejected() {
    let portal = portal().await;
    let client = permanent(&portal);
    let order = &every_order(&client).await[0];
    let order_id = order["id"].as_str().unwrap();
    let lines = client
        .call("orders.products", json!({"id": order_id}))
        .await
        .unwrap();
    let line_id = rows(&lines)[0]["id"].as_str().unwrap();
    let line = client
        .call("orderlines.get", json!({"id": line_id}))
        .await
        .unwrap();
    assert_eq!(line["orderId"], order_id);
    assert_eq!(line["status"], "unknown");

    let answer = client
        .call(
            "orderlines.modify",
            json!({"id": line_id, "status": "approved", "customerReference": "PO-2024-117"}),
        )
        .await
        .unwrap();
    assert_eq!(answer["status_code"], 201);
    let line = client
        .call("orderlines.get", json!({"id": line_id}))
        .await
        .unwrap();
    assert_eq!(line["status"], "approved");
    assert_eq!(line["customerReference"], "PO-2024-117");
    client
        .call(
            "orderlines.modify",
            json!({"id": line_id, "status": "rejected"}),
        )
        .await
        .unwrap();
    let line = client
        .call("orderlines.get", json!({"id": line_id}))
        .await
        .unwrap();
    assert_eq!(line["status"], "rejected");
    assert_eq!(line["customerReference"], "PO-2024-117", "kept");

    // A list for a text field is refused by the client; sent anyway, the portal refuses it.
    let unchecked = unchecked(&portal);
    for params in [
        json!({"id": line_id, "status": "maybe"}),
        json!({"id": line_id}),
        json!({"id": line_id, "customerReference": ["a"]}),
    ] {
        let err = unchecked
            .call("orderlines.modify", params.clone())
            .await
            .unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Validation, "{params}");
    }
}

#[tokio::test]
async fn unknown_ids_are_404s_and_garbage_is_refused_before_sending() {
    let portal = portal().await;
    let client = permanent(&portal);
    let stranger = BynderId::new_random().to_rfc4122();
    for (op, params, message) in [
        ("orders.get", json!({"id": stranger}), "Order not found"),
        (
            "orders.products",
            json!({"id": stranger}),
            "Order not found",
        ),
        (
            "orders.modify",
            json!({"id": stranger, "status": "FINISHED"}),
            "Order not found",
        ),
        (
            "orderlines.get",
            json!({"id": stranger}),
            "Orderline not found",
        ),
        (
            "orderlines.modify",
            json!({"id": stranger, "status": "approved"}),
            "Orderline not found",
        ),
    ] {
        let err = client.call(op, params).await.unwrap_err();
        assert_eq!(err.kind(), ErrorKind::NotFound, "{op}");
        assert_eq!(err.message(), message, "{op}");
    }
    let err = client
        .call("orders.list", json!({"page": 0}))
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Validation);
    let err = client
        .call("orders.get", json!({"id": "order-1"}))
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidId);
}

#[tokio::test]
async fn the_brandstore_scopes_are_enforced() {
    let portal = portal().await;
    assert!(!SCOPES.contains(&Scope::BrandstoreOrderRead));
    let outsider = client_credentials(&portal);
    let err = outsider.call("orders.list", json!({})).await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Forbidden);
    assert_eq!(err.message(), "Access denied");

    let reader = store_client(&portal, &[Scope::BrandstoreOrderRead]);
    let orders = reader.call("orders.list", json!({})).await.unwrap();
    let id = rows(&orders)[0]["id"].as_str().unwrap();
    let lines = reader
        .call("orders.products", json!({"id": id}))
        .await
        .unwrap();
    let line_id = rows(&lines)[0]["id"].as_str().unwrap();
    for (op, params) in [
        ("orders.modify", json!({"id": id, "status": "FINISHED"})),
        (
            "orderlines.modify",
            json!({"id": line_id, "status": "approved"}),
        ),
    ] {
        let err = reader.call(op, params).await.unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Forbidden, "{op}");
    }
    let writer = store_client(
        &portal,
        &[Scope::BrandstoreOrderRead, Scope::BrandstoreOrderWrite],
    );
    writer
        .call("orders.modify", json!({"id": id, "status": "FINISHED"}))
        .await
        .unwrap();
    let detail = reader.call("orders.get", json!({"id": id})).await.unwrap();
    assert_eq!(detail["status"], "FINISHED");
}
