//! `GET /transform/{id}/{name}`: Dynamic Asset Transformations. Each `io` value is one
//! `transform:{operation},{param}:{value},...`; several operations are several `io` keys
//! (`io=...&io=...`), applied in order to the asset's size. A value joining two operations with
//! a comma reads, as at DAT, as one operation with an unknown `transform` parameter. The answer
//! is a PNG of the resulting size; any operation, parameter or value the service does not know
//! is a 400 `Image Operation not supported`.

use sha2::{Digest, Sha256};

use super::{png, text};
use crate::handlers::params;
use crate::request::{OpRequest, OpResponse, ResponseBody};
use crate::store::Store;

const UNSUPPORTED: &str = "Image Operation not supported";
/// The largest side the mock renders (larger results are refused like unsupported operations).
const MAX_SIDE: f64 = 10_000.0;

const GRAVITIES: &[&str] = &[
    "topleft",
    "top",
    "topright",
    "left",
    "center",
    "right",
    "bottomleft",
    "bottom",
    "bottomright",
];

/// Each operation with the parameters it takes.
const OPERATIONS: &[(&str, &[&str])] = &[
    ("background", &["color"]),
    (
        "crop",
        &[
            "width",
            "height",
            "x",
            "y",
            "gravity",
            "shape",
            "blur",
            "background",
        ],
    ),
    ("extend", &["width", "height", "background"]),
    ("fill", &["width", "height", "gravity", "aspectratio"]),
    ("fit", &["width", "height"]),
    ("flip", &[]),
    ("mirror", &[]),
    ("rotate", &["angle", "background"]),
    ("scale", &["width", "height"]),
];

/// One parsed operation.
struct Op {
    name: String,
    params: Vec<(String, String)>,
}

impl Op {
    fn get(&self, key: &str) -> Option<&str> {
        self.params
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    fn number(&self, key: &str) -> Option<f64> {
        self.get(key)
            .and_then(|v| v.parse::<u32>().ok())
            .map(f64::from)
    }
}

pub fn get(store: &Store, req: &OpRequest) -> OpResponse {
    let id = req.path_param("id").unwrap_or_default();
    let Some((width, height)) = store.read(|s| {
        s.asset(id)
            .filter(|a| a.kind == "image")
            .map(|a| (f64::from(a.width.max(1)), f64::from(a.height.max(1))))
    }) else {
        return text(404, "Not Found");
    };
    match render(req, width, height) {
        Some((w, h)) => {
            let digest = Sha256::digest(id.to_ascii_uppercase().as_bytes());
            OpResponse {
                status: 200,
                headers: Vec::new(),
                body: ResponseBody::Bytes {
                    content_type: "image/png".into(),
                    data: png::solid(w, h, [digest[0], digest[1], digest[2]]).into(),
                },
            }
        }
        None => text(400, UNSUPPORTED),
    }
}

/// The output size, or `None` for anything unsupported.
fn render(req: &OpRequest, mut w: f64, mut h: f64) -> Option<(u32, u32)> {
    if let Some(format) = req.param("format") {
        ["jpg", "png", "webp"]
            .contains(&format.to_ascii_lowercase().as_str())
            .then_some(())?;
    }
    if let Some(quality) = req.param("quality") {
        params::whole_number(&quality).filter(|q| (1..=100).contains(q))?;
    }
    if let Some(point) = req.param("focuspoint") {
        let (x, y) = point.split_once(',')?;
        for v in [x, y] {
            v.trim()
                .parse::<f64>()
                .ok()
                .filter(|v| (0.0..=1.0).contains(v))?;
        }
    }
    for op in operations(req)? {
        (w, h) = apply(&op, w, h)?;
        if !(1.0..=MAX_SIDE).contains(&w.round()) || !(1.0..=MAX_SIDE).contains(&h.round()) {
            return None;
        }
    }
    Some((w.round() as u32, h.round() as u32))
}

/// Every `io` operation, in order: one per `io` key.
fn operations(req: &OpRequest) -> Option<Vec<Op>> {
    let mut ops = Vec::new();
    for (_, value) in req.query.iter().filter(|(k, _)| k == "io") {
        let value = value.trim();
        if value.is_empty() {
            continue;
        }
        // `io` values that do not say `transform:` are not operations.
        let part = value.strip_prefix("transform:")?;
        let mut fields = part.split(',');
        let name = fields.next()?.trim().to_ascii_lowercase();
        let (_, allowed) = OPERATIONS.iter().find(|(n, _)| *n == name)?;
        let mut params = Vec::new();
        for field in fields {
            let (key, value) = field.split_once(':')?;
            let key = key.trim().to_ascii_lowercase();
            allowed.contains(&key.as_str()).then_some(())?;
            valid_value(&key, value.trim()).then_some(())?;
            params.push((key, value.trim().to_string()));
        }
        ops.push(Op { name, params });
    }
    Some(ops)
}

fn valid_value(key: &str, value: &str) -> bool {
    let color = |v: &str| {
        let hex = v.strip_prefix('#').unwrap_or(v);
        (matches!(hex.len(), 3 | 6) && hex.chars().all(|c| c.is_ascii_hexdigit()))
            || (!v.is_empty() && v.chars().all(|c| c.is_ascii_alphabetic()))
    };
    match key {
        "width" | "height" | "x" | "y" | "blur" => value.parse::<u32>().is_ok(),
        "angle" => value.parse::<u32>().is_ok_and(|a| a <= 360),
        "gravity" => GRAVITIES.contains(&value),
        "shape" => matches!(value, "circle" | "square"),
        "aspectratio" => value.split_once('x').is_some_and(|(a, b)| {
            a.parse::<u32>().is_ok_and(|a| a > 0) && b.parse::<u32>().is_ok_and(|b| b > 0)
        }),
        _ => color(value),
    }
}

/// The size after one operation.
fn apply(op: &Op, w: f64, h: f64) -> Option<(f64, f64)> {
    let (tw, th) = (op.number("width"), op.number("height"));
    Some(match op.name.as_str() {
        "scale" => match (tw, th) {
            (Some(tw), Some(th)) => (tw, th),
            (Some(tw), None) => (tw, h * tw / w),
            (None, Some(th)) => (w * th / h, th),
            (None, None) => return None,
        },
        "fit" => {
            let factor = match (tw, th) {
                (Some(tw), Some(th)) => (tw / w).min(th / h),
                (Some(tw), None) => tw / w,
                (None, Some(th)) => th / h,
                (None, None) => return None,
            };
            (w * factor, h * factor)
        }
        "fill" => {
            let ratio = op.get("aspectratio").and_then(|r| {
                let (a, b) = r.split_once('x')?;
                Some(a.parse::<f64>().ok()? / b.parse::<f64>().ok()?)
            });
            match (tw, th, ratio) {
                (Some(tw), Some(th), _) => (tw, th),
                (Some(tw), None, Some(r)) => (tw, tw / r),
                (None, Some(th), Some(r)) => (th * r, th),
                (None, None, Some(r)) => (w, w / r),
                (Some(tw), None, None) => (tw, h),
                (None, Some(th), None) => (w, th),
                (None, None, None) => return None,
            }
        }
        "crop" => (tw.unwrap_or(w).min(w), th.unwrap_or(h).min(h)),
        "extend" => (tw.unwrap_or(w).max(w), th.unwrap_or(h).max(h)),
        "rotate" => {
            let angle = op.number("angle").unwrap_or(0.0).to_radians();
            let (sin, cos) = (angle.sin().abs(), angle.cos().abs());
            (w * cos + h * sin, w * sin + h * cos)
        }
        _ => (w, h),
    })
}
