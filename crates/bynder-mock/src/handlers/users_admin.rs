//! Users, admin side (`/api/v4/users/`, `reference/bynder-api.md` §5.6): list with
//! `X-Pagination-*` headers, create, retrieve by id or username, modify, delete. Form bodies;
//! errors in Bynder's `{"message", "statuscode"}` envelope.

use serde_json::{Value, json};

use super::params::bad;
use super::params::{self, Param, not_found};
use super::shapes::iso;
use crate::request::{OpRequest, OpResponse};
use crate::store::{State, Store, User, UserExtra, normalize_id};

const NOT_FOUND: &str = "User not found";
/// The users list's documented default page size.
const DEFAULT_LIMIT: u64 = 100;

fn unwrap(result: Param<OpResponse>) -> OpResponse {
    match result {
        Ok(response) | Err(response) => response,
    }
}

/// The index of the user a path `{id}` names: an id in either UUID form, or a username.
fn find(s: &State, key: &str) -> Option<usize> {
    let id = normalize_id(key);
    let key = key.trim();
    s.users
        .iter()
        .position(|u| u.id == id || u.username.eq_ignore_ascii_case(key))
}

/// A user as the list answers it (`active` as 0/1, as documented).
fn summary(user: &User) -> Value {
    json!({
        "id": user.id,
        "name": user.full_name(),
        "username": user.username,
        "email": user.email,
        "email2": "",
        "active": i32::from(user.active),
        "isSSOOnly": user.extra.is_sso_only,
        "profileId": user.profile_id,
        "employeeNumber": "",
        "timeZone": user.time_zone,
        "website": "",
        "country": user.country,
        "salesrepId": "",
        "groups": groups(&user.extra),
    })
}

/// Group references; the mock keeps no groups, so they carry no name.
fn groups(extra: &UserExtra) -> Vec<Value> {
    extra
        .group_ids
        .iter()
        .map(|id| json!({"id": id, "name": ""}))
        .collect()
}

/// A user as `GET /api/v4/users/{id}/` answers it.
pub(super) fn detail(user: &User, account: &str) -> Value {
    let company = if user.extra.company_name.is_empty() {
        account
    } else {
        &user.extra.company_name
    };
    json!({
        "id": user.id,
        "username": user.username,
        "email": user.email,
        "firstname": user.firstname,
        "infix": user.extra.infix,
        "lastname": user.lastname,
        "profileId": user.profile_id,
        "active": user.active,
        "isSSOOnly": user.extra.is_sso_only,
        "language": user.language,
        "timeZone": user.time_zone,
        "lastLogin": iso(user.last_login),
        "department": user.department,
        "departmentCode": "",
        "job": user.job,
        "companyName": company,
        "costCenter": user.extra.cost_center,
        "employeeNumber": "",
        "legalEntity": "",
        "phoneNumber": user.extra.phone_number,
        "cellphoneNumber": "",
        "gender": "",
        "address": "",
        "postalCode": "",
        "city": user.city,
        "county": "",
        "state": "",
        "country": user.country,
        "groups": groups(&user.extra),
        "persisted": true,
        "terms": if user.extra.terms_accepted { "accepted" } else { "" },
    })
}

/// `GET /api/v4/users/`: active users unless `includeInActive`, paged, with the four
/// `X-Pagination-*` headers.
pub fn list(store: &Store, req: &OpRequest) -> OpResponse {
    unwrap((|| {
        let inactive = params::flag_or(req, "includeInActive", false)?;
        let (limit, page) = params::limit_page(req, DEFAULT_LIMIT)?;
        Ok(store.read(|s| {
            let all: Vec<Value> = s
                .users
                .iter()
                .filter(|u| inactive || u.active)
                .map(summary)
                .collect();
            let total = all.len();
            let pages = total.div_ceil(limit);
            OpResponse::json(Value::Array(params::page_of(all, limit, page)))
                .with_header("X-Pagination-TotalRecords", total.to_string())
                .with_header("X-Pagination-TotalPages", pages.to_string())
                .with_header("X-Pagination-Page", page.to_string())
                .with_header("X-Pagination-Limit", limit.to_string())
        }))
    })())
}

/// `GET /api/v4/users/{id}/`.
pub fn get(store: &Store, req: &OpRequest) -> OpResponse {
    let key = req.path_param("id").unwrap_or_default();
    store.read(|s| match find(s, key) {
        Some(i) => OpResponse::json(detail(&s.users[i], &s.account.name)),
        None => not_found(NOT_FOUND),
    })
}

/// An optional text field, trimmed.
fn text(req: &OpRequest, name: &str) -> Option<String> {
    req.param(name).map(|v| v.trim().to_string())
}

/// The changes a create or modify call asks for, read and checked before the store is
/// touched.
#[derive(Default)]
struct Changes {
    username: Option<String>,
    email: Option<String>,
    profile_id: Option<String>,
    active: Option<bool>,
    is_sso_only: Option<bool>,
    language: Option<String>,
    firstname: Option<String>,
    infix: Option<String>,
    lastname: Option<String>,
    group_ids: Option<Vec<String>>,
    phone_number: Option<String>,
    company_name: Option<String>,
    department: Option<String>,
    job: Option<String>,
    cost_center: Option<String>,
    terms_accepted: Option<bool>,
}

impl Changes {
    fn parse(req: &OpRequest) -> Param<Changes> {
        let email = text(req, "email");
        if email
            .as_deref()
            .is_some_and(|e| !e.contains('@') || e.starts_with('@') || e.ends_with('@'))
        {
            return Err(bad("Invalid email address"));
        }
        let group_ids = req
            .param("groupIds")
            .map(|_| params::id_list(req, "groupIds"));
        Ok(Changes {
            username: text(req, "username").filter(|u| !u.is_empty()),
            email,
            profile_id: text(req, "profileId").map(|p| normalize_id(&p)),
            active: params::flag(req, "active")?,
            is_sso_only: params::flag(req, "isSSOOnly")?,
            language: text(req, "language").filter(|l| !l.is_empty()),
            firstname: text(req, "firstname"),
            infix: text(req, "infix"),
            lastname: text(req, "lastname"),
            group_ids,
            phone_number: text(req, "phoneNumber"),
            company_name: text(req, "companyName"),
            department: text(req, "department"),
            job: text(req, "job"),
            cost_center: text(req, "costCenter"),
            terms_accepted: params::flag(req, "termsAccepted")?,
        })
    }

    /// Checks the references and uniqueness against the store; `own` is the index of the user
    /// being modified.
    fn check(&self, s: &State, own: Option<usize>) -> Param<()> {
        if let Some(profile) = &self.profile_id {
            if !s.profiles.iter().any(|p| &p.id == profile) {
                return Err(bad("Invalid profile id"));
            }
        }
        let taken = |pick: fn(&User) -> &str, value: &Option<String>| {
            value.as_deref().is_some_and(|v| {
                s.users
                    .iter()
                    .enumerate()
                    .any(|(i, u)| Some(i) != own && pick(u).eq_ignore_ascii_case(v))
            })
        };
        if taken(|u| &u.username, &self.username) {
            return Err(bad("Username already exists"));
        }
        if taken(|u| &u.email, &self.email) {
            return Err(bad("Email address already in use"));
        }
        Ok(())
    }

    fn apply(self, user: &mut User) {
        let set = |slot: &mut String, value: Option<String>| {
            if let Some(value) = value {
                *slot = value;
            }
        };
        set(&mut user.username, self.username);
        set(&mut user.email, self.email);
        set(&mut user.profile_id, self.profile_id);
        set(&mut user.language, self.language);
        set(&mut user.firstname, self.firstname);
        set(&mut user.lastname, self.lastname);
        set(&mut user.department, self.department);
        set(&mut user.job, self.job);
        let extra = &mut user.extra;
        set(&mut extra.infix, self.infix);
        set(&mut extra.phone_number, self.phone_number);
        set(&mut extra.company_name, self.company_name);
        set(&mut extra.cost_center, self.cost_center);
        if let Some(active) = self.active {
            user.active = active;
        }
        if let Some(sso) = self.is_sso_only {
            extra.is_sso_only = sso;
        }
        if let Some(groups) = self.group_ids {
            extra.group_ids = groups;
        }
        if let Some(terms) = self.terms_accepted {
            extra.terms_accepted = terms;
        }
    }
}

/// `POST /api/v4/users/`: 201 `{"id", "username"}`. The username defaults to the e-mail
/// address; the password is required but the mock keeps no logins, so it is not stored.
pub fn create(store: &Store, req: &OpRequest) -> OpResponse {
    unwrap((|| {
        for name in ["password", "email", "profileId", "firstname", "lastname"] {
            params::required_text(req, name)?;
        }
        let mut changes = Changes::parse(req)?;
        if changes.username.is_none() {
            changes.username.clone_from(&changes.email);
        }
        Ok(store.write(|s| {
            if let Err(response) = changes.check(s, None) {
                return response;
            }
            let mut user = User {
                id: s.new_id(),
                username: String::new(),
                email: String::new(),
                firstname: String::new(),
                lastname: String::new(),
                profile_id: String::new(),
                department: String::new(),
                job: String::new(),
                city: String::new(),
                country: String::new(),
                language: "en_US".to_string(),
                time_zone: s.account.time_zone.clone(),
                active: true,
                last_login: super::media::now(),
                extra: UserExtra::default(),
            };
            changes.apply(&mut user);
            let body = json!({"id": user.id, "username": user.username});
            s.users.push(user);
            OpResponse::status_json(201, body)
        }))
    })())
}

/// `POST /api/v4/users/{id}/`: 202 `{"id", "username"}`.
pub fn modify(store: &Store, req: &OpRequest) -> OpResponse {
    unwrap((|| {
        let changes = Changes::parse(req)?;
        for (name, value) in [
            ("firstname", &changes.firstname),
            ("lastname", &changes.lastname),
            ("email", &changes.email),
        ] {
            if value.as_deref().is_some_and(str::is_empty) {
                return Err(bad(&format!("{name} must not be empty")));
            }
        }
        let key = req.path_param("id").unwrap_or_default();
        Ok(store.write(|s| {
            let Some(i) = find(s, key) else {
                return not_found(NOT_FOUND);
            };
            if let Err(response) = changes.check(s, Some(i)) {
                return response;
            }
            let user = &mut s.users[i];
            changes.apply(user);
            OpResponse::status_json(202, json!({"id": user.id, "username": user.username}))
        }))
    })())
}

/// `DELETE /api/v4/users/{id}/`: 204. The caller's own account is refused, as tokens act as
/// that user (a mock choice: Bynder documents no such case).
pub fn delete(store: &Store, req: &OpRequest) -> OpResponse {
    let key = req.path_param("id").unwrap_or_default();
    store.write(|s| {
        let Some(i) = find(s, key) else {
            return not_found(NOT_FOUND);
        };
        if s.users[i].id == req.principal.user_id {
            return bad("You cannot delete your own user");
        }
        s.users.remove(i);
        OpResponse::no_content()
    })
}
