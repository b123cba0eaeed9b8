//! Identifiers the portal hands out: ColdFusion UUIDs for `/api/v4` objects and short
//! lower-case hex hashes (`idHash`).

use bynder::id::{BynderId, IdShape};
use rand::Rng;
use rand::rngs::StdRng;

/// A new ColdFusion id (`8-4-4-16`, upper case) drawn from `rng`. The bits form a valid
/// RFC 4122 version 4 UUID, so the id converts losslessly to the `8-4-4-4-12` form.
pub fn cf_id(rng: &mut StdRng) -> String {
    BynderId::from(uuid::Builder::from_random_bytes(rng.random()).into_uuid()).to_coldfusion()
}

/// A new random ColdFusion id (for ids no seed needs to reproduce: import and batch ids).
pub fn random_cf_id() -> String {
    BynderId::from(uuid::Uuid::new_v4()).to_coldfusion()
}

/// A 16-character lower-case hex hash, like the `idHash` of a real media object.
pub fn id_hash(rng: &mut StdRng) -> String {
    format!("{:016x}", rng.random::<u64>())
}

/// The canonical stored form of an id a client sent: an id in either UUID form, in any case,
/// becomes ColdFusion form. Anything else is returned upper-cased and trimmed, so lookups
/// simply miss.
pub fn normalize_id(id: &str) -> String {
    match BynderId::parse_with_shape(id) {
        Ok((parsed, IdShape::ColdFusion | IdShape::Rfc4122)) => parsed.to_coldfusion(),
        _ => id.trim().to_ascii_uppercase(),
    }
}

/// Whether `id` has the ColdFusion shape (`8-4-4-16` hex digits), in any case.
pub fn is_cf_id(id: &str) -> bool {
    crate::guard::has_id_form(id, bynder::ops::IdForm::ColdFusion)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;

    #[test]
    fn cf_ids_have_the_coldfusion_shape_and_are_deterministic() {
        let mut a = StdRng::seed_from_u64(7);
        let mut b = StdRng::seed_from_u64(7);
        let id = cf_id(&mut a);
        assert_eq!(id, cf_id(&mut b));
        assert!(is_cf_id(&id), "{id}");
        assert_eq!(id, id.to_ascii_uppercase());
        assert_eq!(id.len(), 35);
        assert_ne!(id, cf_id(&mut a));
    }

    #[test]
    fn normalize_accepts_both_forms_in_any_case() {
        let cf = "00B627BB-8054-44C0-A343FCF40BC790CD";
        assert_eq!(normalize_id(&cf.to_ascii_lowercase()), cf);
        assert_eq!(normalize_id("00b627bb-8054-44c0-a343-fcf40bc790cd"), cf);
        assert_eq!(normalize_id(" 1 "), "1");
        assert!(!is_cf_id("00b627bb-8054-44c0-a343-fcf40bc790cd"));
        assert!(!is_cf_id("00B627BB-8054-44C0-A343FCF40BC790CX"));
    }

    #[test]
    fn id_hash_is_sixteen_hex_digits() {
        let mut rng = StdRng::seed_from_u64(1);
        let hash = id_hash(&mut rng);
        assert_eq!(hash.len(), 16);
        assert!(
            hash.chars()
                .all(|c| c.is_ascii_hexdigit() && !c.is_ascii_uppercase())
        );
    }
}
