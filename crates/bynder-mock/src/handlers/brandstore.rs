//! Handlers of the Brandstore operations (`bynder::ops` table, `table/brandstore.rs`;
//! `reference/bynder-api.md` §5.9): orders with their orderlines. Changing an order's status
//! shows in the order and the order list; approving or rejecting an orderline shows in the
//! orderline. Errors and write answers use Brandstore's envelope,
//! `{"message": ..., "status_code": N}` (underscore, unlike v4's `statuscode`).

use serde_json::{Value, json};

use super::shapes::iso_offset;
use crate::request::{OpRequest, OpResponse};
use crate::store::{Brandstore, Store};

/// Orders per page of the order list.
const PAGE_SIZE: usize = 10;

/// Answers the operations of this module, or `None` for any other operation.
pub fn handle(store: &Store, req: &OpRequest) -> Option<OpResponse> {
    Some(match req.op.name {
        "orders.list" => list(store, req),
        "orders.get" => get(store, req),
        "orders.products" => products(store, req),
        "orders.modify" => modify(store, req),
        "orderlines.get" => orderline(store, req),
        "orderlines.modify" => modify_orderline(store, req),
        _ => return None,
    })
}

/// Brandstore's envelope.
fn envelope(status: u16, message: &str) -> OpResponse {
    OpResponse::status_json(status, json!({"message": message, "status_code": status}))
}

/// The path id, lower case (the router has checked its RFC 4122 form).
fn id(req: &OpRequest) -> String {
    req.path_param("id")
        .unwrap_or_default()
        .to_ascii_lowercase()
}

/// `GET /api/store/order/?page=`: newest first, ten a page.
fn list(store: &Store, req: &OpRequest) -> OpResponse {
    let page = match req.param("page").filter(|p| !p.trim().is_empty()) {
        None => 1,
        Some(raw) => match raw.trim().parse::<usize>() {
            Ok(page) if page >= 1 => page,
            _ => {
                return envelope(
                    400,
                    &format!("page must be a whole number from 1, not '{}'", raw.trim()),
                );
            }
        },
    };
    store.read(|s| {
        let rows: Vec<Value> = s
            .brandstore
            .orders
            .iter()
            .rev()
            .skip((page - 1).saturating_mul(PAGE_SIZE))
            .take(PAGE_SIZE)
            .map(|o| {
                let label = Brandstore::STATUSES
                    .iter()
                    .find(|(code, _)| *code == o.status)
                    .map_or(o.status.as_str(), |(_, label)| label);
                json!({
                    "id": o.id,
                    "order_ref": o.reference,
                    "net_price": o.net_price(),
                    "date_created": iso_offset(o.date_created),
                    "username": o.username,
                    "account_name": o.account_name,
                    "order_status": label,
                    "currency_symbol": o.currency_symbol,
                })
            })
            .collect();
        OpResponse::json(Value::Array(rows))
    })
}

/// `GET /api/store/order/{id}/`.
fn get(store: &Store, req: &OpRequest) -> OpResponse {
    let id = id(req);
    store.read(|s| match s.brandstore.orders.iter().find(|o| o.id == id) {
        Some(o) => OpResponse::json(json!({
            "id": o.id,
            "dateCreated": o.date_created.format("%Y-%m-%dT%H:%M:%SZ").to_string(),
            "status": o.status,
            "orderReference": o.reference,
        })),
        None => envelope(404, "Order not found"),
    })
}

/// `GET /api/store/order/{id}/products`: the orderlines with their products.
fn products(store: &Store, req: &OpRequest) -> OpResponse {
    let id = id(req);
    store.read(|s| {
        let Some(order) = s.brandstore.orders.iter().find(|o| o.id == id) else {
            return envelope(404, "Order not found");
        };
        let lines: Vec<Value> = order
            .lines
            .iter()
            .filter_map(|line| {
                let p = s
                    .brandstore
                    .products
                    .iter()
                    .find(|p| p.id == line.product_id)?;
                let (height, width, depth) = p.size;
                Some(json!({
                    "id": line.id,
                    "orderId": order.id,
                    "product": {
                        "id": p.id,
                        "name": p.name,
                        "description": p.description,
                        "isFeatured": p.is_featured,
                        "product_number": p.product_number,
                        "size_height": height,
                        "size_width": width,
                        "size_depth": depth,
                        "weight": p.weight,
                        "min_quantity": p.min_quantity,
                        "max_quantity": p.max_quantity,
                        "default_quantity": p.default_quantity,
                        "datecreated": iso_offset(p.date_created),
                        "isActive": p.is_active,
                        "product_type": p.product_type,
                        "product_package": p.product_package,
                        "sku": p.sku,
                        "step": p.step,
                        "display_length_unit": "cm",
                        "isFree": p.is_free,
                        "isShipping": p.is_shipping,
                    },
                    "referenceId": p.product_number,
                    "name": p.name,
                    "itemPrice": line.item_price,
                    "quantity": line.quantity,
                }))
            })
            .collect();
        OpResponse::json(Value::Array(lines))
    })
}

/// `POST /api/store/order/{id}/products` (form `status`, `message`, `trackingnumber`): sets the
/// order's status; 201 `{"message": "Created", "status_code": 201}`.
fn modify(store: &Store, req: &OpRequest) -> OpResponse {
    let id = id(req);
    let status = req.param("status").map(|s| s.trim().to_ascii_uppercase());
    let Some(status) = status.filter(|s| !s.is_empty()) else {
        return envelope(400, "status is required");
    };
    if !Brandstore::STATUSES.iter().any(|(code, _)| *code == status) {
        let known: Vec<&str> = Brandstore::STATUSES.iter().map(|(code, _)| *code).collect();
        return envelope(
            400,
            &format!("status '{status}' is not one of {}", known.join(", ")),
        );
    }
    let message = req.param("message").unwrap_or_default();
    let tracking = req.param("trackingnumber").unwrap_or_default();
    store.write(
        |s| match s.brandstore.orders.iter_mut().find(|o| o.id == id) {
            Some(order) => {
                order.status.clone_from(&status);
                order.history.push((status, message, tracking));
                envelope(201, "Created")
            }
            None => envelope(404, "Order not found"),
        },
    )
}

/// `GET /api/store/orderproducts/{id}`.
fn orderline(store: &Store, req: &OpRequest) -> OpResponse {
    let id = id(req);
    store.read(|s| {
        for order in &s.brandstore.orders {
            if let Some(line) = order.lines.iter().find(|l| l.id == id) {
                return OpResponse::json(json!({
                    "id": line.id,
                    "status": line.status,
                    "orderId": order.id,
                    "customerReference": line.customer_reference,
                }));
            }
        }
        envelope(404, "Orderline not found")
    })
}

/// `PATCH /api/store/orderproducts/{id}` (JSON `status`: `approved` or `rejected`,
/// `customerReference`); 201 like the order call.
fn modify_orderline(store: &Store, req: &OpRequest) -> OpResponse {
    let id = id(req);
    let Some(body) = req.json.as_ref().and_then(Value::as_object) else {
        return envelope(400, "A JSON object body is required");
    };
    let status = match body.get("status") {
        None | Some(Value::Null) => None,
        Some(Value::String(s))
            if ["approved", "rejected"].contains(&s.trim().to_ascii_lowercase().as_str()) =>
        {
            Some(s.trim().to_ascii_lowercase())
        }
        Some(other) => {
            return envelope(
                400,
                &format!("status must be 'approved' or 'rejected', not {other}"),
            );
        }
    };
    let reference = match body.get("customerReference") {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) => Some(s.trim().to_string()),
        Some(Value::Number(n)) => Some(n.to_string()),
        Some(_) => return envelope(400, "customerReference must be a string"),
    };
    if status.is_none() && reference.is_none() {
        return envelope(400, "Send a status or a customerReference");
    }
    store.write(|s| {
        let line = s
            .brandstore
            .orders
            .iter_mut()
            .flat_map(|o| o.lines.iter_mut())
            .find(|l| l.id == id);
        match line {
            Some(line) => {
                if let Some(status) = status {
                    line.status = status;
                }
                if let Some(reference) = reference {
                    line.customer_reference = reference;
                }
                envelope(201, "Created")
            }
            None => envelope(404, "Orderline not found"),
        }
    })
}
