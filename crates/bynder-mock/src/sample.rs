//! Sample file contents for tests, demos and benchmarks against the mock.

/// `len` pseudo-random bytes from `seed` (xorshift64, eight bytes a step): incompressible, never
/// repeating per chunk, the same for the same seed, and fast even in an unoptimised build,
/// unlike a cryptographic generator.
pub fn sample_bytes(len: usize, seed: u64) -> Vec<u8> {
    let mut x = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    let mut data = vec![0u8; len];
    for word in data.chunks_mut(8) {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        word.copy_from_slice(&x.to_le_bytes()[..word.len()]);
    }
    data
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn samples_are_deterministic_and_differ_by_seed() {
        assert_eq!(sample_bytes(1000, 7), sample_bytes(1000, 7));
        assert_ne!(sample_bytes(1000, 7), sample_bytes(1000, 8));
        assert_eq!(sample_bytes(13, 1).len(), 13);
        let a = sample_bytes(1001, 1);
        assert_ne!(a[..500], a[500..1000], "no repeats");
    }
}
