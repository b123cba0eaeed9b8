//! State of the Brandstore operations (`/api/store`): a product catalogue and the orders
//! placed from it, each with its orderlines. Ids are RFC 4122, lower case, as `/api` without
//! `v4` uses and the order list answers.

use rand::rngs::StdRng;
use rand::seq::IndexedRandom;
use rand::{Rng, SeedableRng};

use super::seed::{EPOCH_END, between};
use super::{State, Time};

/// How many orders the seeded portal holds.
pub const ORDER_COUNT: usize = 14;

/// What the Brandstore operations read and change.
#[derive(Debug, Clone, Default)]
pub struct Brandstore {
    /// The catalogue.
    pub products: Vec<Product>,
    /// Orders, oldest first.
    pub orders: Vec<Order>,
}

/// A product of the catalogue.
#[derive(Debug, Clone, PartialEq)]
pub struct Product {
    pub id: String,
    pub name: String,
    pub description: String,
    pub is_featured: bool,
    pub product_number: String,
    /// Height, width and depth in `cm`.
    pub size: (f64, f64, f64),
    /// Weight in grams.
    pub weight: f64,
    pub min_quantity: u32,
    pub max_quantity: u32,
    pub default_quantity: u32,
    pub date_created: Time,
    pub is_active: bool,
    /// `print`, `promotional` or `digital`.
    pub product_type: String,
    /// `unit`, `pack` or `box`.
    pub product_package: String,
    pub sku: String,
    pub step: u32,
    pub price: f64,
    pub is_free: bool,
    pub is_shipping: bool,
}

/// An order.
#[derive(Debug, Clone, PartialEq)]
pub struct Order {
    pub id: String,
    /// `NL0456`.
    pub reference: String,
    pub date_created: Time,
    /// The ordering user's username.
    pub username: String,
    pub account_name: String,
    /// One of Bynder's order statuses (`IN_PRODUCTION`...).
    pub status: String,
    /// HTML entity number of the currency sign (`8364` is €).
    pub currency_symbol: String,
    /// Its orderlines.
    pub lines: Vec<OrderLine>,
    /// Status changes made through the API: `(status, message, tracking number)`.
    pub history: Vec<(String, String, String)>,
}

/// One line of an order: a product, a quantity and an approval status.
#[derive(Debug, Clone, PartialEq)]
pub struct OrderLine {
    pub id: String,
    pub product_id: String,
    /// `unknown` until approved or rejected.
    pub status: String,
    pub customer_reference: String,
    pub quantity: u32,
    pub item_price: f64,
}

impl Brandstore {
    /// The order statuses `POST /api/store/order/{id}/products` accepts, with the label the
    /// order list shows.
    pub const STATUSES: &'static [(&'static str, &'static str)] = ORDER_STATUSES;
}

impl Order {
    /// The sum of its lines' prices.
    pub fn net_price(&self) -> f64 {
        let total: f64 = self
            .lines
            .iter()
            .map(|l| l.item_price * f64::from(l.quantity))
            .sum();
        (total * 100.0).round() / 100.0
    }
}

/// The order statuses, with their labels.
const ORDER_STATUSES: &[(&str, &str)] = &[
    ("IN_PROGRESS", "In progress"),
    ("CANCELED", "Canceled"),
    ("FAILED", "Failed"),
    ("WAITING_FOR_PAYMENT", "Waiting for payment"),
    ("FOR_ORDER", "For order"),
    ("IN_PRODUCTION", "In production"),
    ("PRODUCTION_SUSPENDED", "Production suspended"),
    ("OUT_FOR_DELIVERY", "Out for delivery"),
    ("FINISHED", "Finished"),
];

/// Name, type, package, price, size (h, w, d), weight, min, max, step.
type Spec = (
    &'static str,
    &'static str,
    &'static str,
    f64,
    (f64, f64, f64),
    f64,
    u32,
    u32,
    u32,
);

const CATALOGUE: &[Spec] = &[
    (
        "Business cards",
        "print",
        "box",
        0.12,
        (5.5, 8.5, 0.1),
        2.0,
        100,
        2000,
        100,
    ),
    (
        "Flyer A5",
        "print",
        "pack",
        0.08,
        (21.0, 14.8, 0.1),
        3.0,
        50,
        5000,
        50,
    ),
    (
        "Roll-up banner",
        "print",
        "unit",
        89.0,
        (200.0, 85.0, 10.0),
        4500.0,
        1,
        10,
        1,
    ),
    (
        "Poster A2",
        "print",
        "unit",
        4.5,
        (59.4, 42.0, 0.1),
        40.0,
        1,
        200,
        1,
    ),
    (
        "Tote bag",
        "promotional",
        "unit",
        3.2,
        (42.0, 38.0, 0.5),
        120.0,
        10,
        500,
        10,
    ),
    (
        "Coffee mug",
        "promotional",
        "unit",
        5.75,
        (9.5, 8.0, 8.0),
        350.0,
        6,
        300,
        6,
    ),
    (
        "Product brochure",
        "print",
        "pack",
        1.35,
        (29.7, 21.0, 0.4),
        90.0,
        25,
        1000,
        25,
    ),
    (
        "Social media kit",
        "digital",
        "unit",
        0.0,
        (0.0, 0.0, 0.0),
        0.0,
        1,
        1,
        1,
    ),
];

/// Seeds the catalogue and the orders (deterministic for a seed).
pub fn seed(state: &mut State) {
    // One draw from the shared source, so this group's size does not shift the others' data.
    let mut rng = StdRng::seed_from_u64(state.rng.random());
    let products: Vec<Product> = CATALOGUE
        .iter()
        .enumerate()
        .map(|(n, spec)| product(&mut rng, n, spec))
        .collect();
    let usernames: Vec<String> = state.users.iter().map(|u| u.username.clone()).collect();
    let account = state.account.name.clone();
    let mut orders: Vec<Order> = (0..ORDER_COUNT)
        .map(|n| {
            let count = rng.random_range(1..=4);
            let lines = products
                .choose_multiple(&mut rng, count)
                .map(|p| OrderLine {
                    id: std_id(&mut rng),
                    product_id: p.id.clone(),
                    status: "unknown".to_string(),
                    customer_reference: String::new(),
                    quantity: p.min_quantity * rng.random_range(1..=5),
                    item_price: p.price,
                })
                .collect();
            let (status, _) = ORDER_STATUSES
                .choose(&mut rng)
                .copied()
                .unwrap_or(ORDER_STATUSES[0]);
            Order {
                id: std_id(&mut rng),
                reference: format!("NL{:04}", 400 + n * 7),
                date_created: between(&mut rng, EPOCH_END - 720 * 86_400, EPOCH_END),
                username: usernames.choose(&mut rng).cloned().unwrap_or_default(),
                account_name: account.clone(),
                status: status.to_string(),
                currency_symbol: "8364".to_string(),
                lines,
                history: Vec::new(),
            }
        })
        .collect();
    orders.sort_by_key(|o| o.date_created);
    state.brandstore = Brandstore { products, orders };
}

fn product(rng: &mut StdRng, n: usize, spec: &Spec) -> Product {
    let (name, kind, package, price, size, weight, min, max, step) = *spec;
    Product {
        id: std_id(rng),
        name: name.to_string(),
        description: format!("{name} in the house style, printed or made to order."),
        is_featured: n < 2,
        product_number: format!("{}", 100_000_000 + rng.random_range(0..900_000_000)),
        size,
        weight,
        min_quantity: min,
        max_quantity: max,
        default_quantity: min,
        date_created: between(rng, EPOCH_END - 1500 * 86_400, EPOCH_END - 800 * 86_400),
        is_active: true,
        product_type: kind.to_string(),
        product_package: package.to_string(),
        sku: format!("SKU-{:03}", n + 1),
        step,
        price,
        is_free: price == 0.0,
        is_shipping: kind != "digital",
    }
}

/// A new RFC 4122 id, lower case.
fn std_id(rng: &mut StdRng) -> String {
    uuid::Builder::from_random_bytes(rng.random())
        .into_uuid()
        .to_string()
}
