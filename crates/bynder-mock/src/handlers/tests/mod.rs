//! Handler tests: hand-built [`OpRequest`]s sent straight to [`handle`], no HTTP.

mod collections;
mod media;
mod media_list;
mod metaproperties;
mod portal;
mod tags;

use std::collections::HashMap;

use bytes::Bytes;
use serde_json::Value;

use super::handle;
use crate::request::{OpRequest, OpResponse, Principal, ResponseBody};
use crate::store::Store;

pub const BASE: &str = "http://127.0.0.1:9999";

/// A request under construction for the operation `op`.
pub struct Call {
    req: OpRequest,
}

/// Starts a request for operation `op` (panics on a name the table lacks).
pub fn call(op: &str) -> Call {
    let op = bynder::ops::find(op).unwrap_or_else(|| panic!("no operation {op}"));
    Call {
        req: OpRequest {
            op,
            path: HashMap::new(),
            query: Vec::new(),
            form: Vec::new(),
            json: None,
            body: Bytes::new(),
            principal: Principal {
                user_id: crate::store::CURRENT_USER_ID.to_string(),
                scopes: bynder::Scope::ALL.to_vec(),
                permanent: true,
            },
            base_url: BASE.to_string(),
        },
    }
}

impl Call {
    /// Sets path parameter `name`.
    pub fn path(mut self, name: &str, value: &str) -> Call {
        self.req.path.insert(name.to_string(), value.to_string());
        self
    }

    /// Sets the `id` path parameter.
    pub fn id(self, value: &str) -> Call {
        self.path("id", value)
    }

    /// Adds a query pair.
    pub fn q(mut self, name: &str, value: &str) -> Call {
        self.req.query.push((name.to_string(), value.to_string()));
        self
    }

    /// Adds a form pair.
    pub fn f(mut self, name: &str, value: &str) -> Call {
        self.req.form.push((name.to_string(), value.to_string()));
        self
    }

    /// Sets the JSON body.
    pub fn json(mut self, value: Value) -> Call {
        self.req.json = Some(value);
        self
    }

    /// Replaces the caller's scopes.
    pub fn scopes(mut self, scopes: &[bynder::Scope]) -> Call {
        self.req.principal.scopes = scopes.to_vec();
        self.req.principal.permanent = false;
        self
    }

    /// Sets the caller's user id.
    pub fn user(mut self, user_id: &str) -> Call {
        self.req.principal.user_id = user_id.to_string();
        self
    }

    /// Sends the request to the handlers.
    pub fn send(self, store: &Store) -> OpResponse {
        handle(store, self.req)
    }

    /// Sends the request and returns status and JSON body (`Null` for no body).
    pub fn answer(self, store: &Store) -> (u16, Value) {
        let response = self.send(store);
        (response.status, body(&response))
    }
}

/// The JSON body of a response (`Null` when empty).
pub fn body(response: &OpResponse) -> Value {
    match &response.body {
        ResponseBody::Json(value) => value.clone(),
        ResponseBody::Empty => Value::Null,
        other => panic!("unexpected body {other:?}"),
    }
}

/// The value of response header `name`.
pub fn header<'a>(response: &'a OpResponse, name: &str) -> Option<&'a str> {
    response
        .headers
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case(name))
        .map(|(_, v)| v.as_str())
}

/// A seeded store shared by a test.
pub fn store() -> Store {
    Store::seeded(42)
}

/// Asserts a Bynder error envelope.
pub fn assert_error(answer: (u16, Value), status: u16, message: &str) {
    assert_eq!(answer.0, status, "{}", answer.1);
    assert_eq!(
        answer.1,
        serde_json::json!({"message": message, "statuscode": status})
    );
}

/// Strings of a JSON array.
pub fn strings(value: &Value) -> Vec<String> {
    value
        .as_array()
        .unwrap_or_else(|| panic!("not an array: {value}"))
        .iter()
        .map(|v| v.as_str().unwrap().to_string())
        .collect()
}

/// The `id`s of a JSON array of objects.
pub fn ids(value: &Value) -> Vec<String> {
    value
        .as_array()
        .unwrap_or_else(|| panic!("not an array: {value}"))
        .iter()
        .map(|v| v["id"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn every_operation_in_the_table_has_a_handler() {
    let store = store();
    for op in bynder::ops::OPERATIONS {
        let mut req = call(op.name);
        for param in op.path_params {
            req = req.path(param.name, "00000000-0000-0000-0000000000000000");
        }
        let response = req.send(&store);
        assert_ne!(response.status, 501, "{} has no handler", op.name);
    }
}

#[test]
fn an_unknown_operation_answers_501() {
    // Dispatch is by name, so an operation the handlers do not know falls through.
    static FUTURE: bynder::ops::Operation =
        bynder::ops::Operation::new("future.thing", bynder::ops::Method::Get, "/api/v4/future/");
    let mut req = call("brands.list");
    req.req.op = &FUTURE;
    let (status, body) = req.answer(&store());
    assert_eq!(status, 501);
    assert_eq!(
        body["message"],
        "future.thing is not implemented by the mock"
    );
}

#[test]
fn oauth_scopes_lists_every_scope_in_groups() {
    let (status, body) = call("oauth.scopes").answer(&store());
    assert_eq!(status, 200);
    let groups = body["groups"].as_array().unwrap();
    let names: Vec<&str> = groups
        .iter()
        .flat_map(|g| g["scopes"].as_array().unwrap())
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    assert_eq!(names.len(), bynder::Scope::ALL.len());
    assert!(names.contains(&"asset:read") && names.contains(&"offline"));
    let assets = groups.iter().find(|g| g["name"] == "Assets").unwrap();
    let first = &assets["scopes"][0];
    assert_eq!(first["name"], "asset:read");
    assert_eq!(first["description"], "Read access to asset");
    assert!(
        first["anyOfPermissions"]
            .as_array()
            .unwrap()
            .contains(&Value::from("MEDIAHIGHRES"))
    );
}
