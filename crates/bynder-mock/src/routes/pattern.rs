//! The bytes of seeded media items, which were never uploaded: a 1 MiB block derived from the
//! item id, repeated to the item's size. Serving it costs no disk and no allocation per
//! block (every frame is a slice of the one block), and any range of it is reproducible.

use std::io;

use bytes::Bytes;
use futures::Stream;
use sha2::{Digest, Sha256};

/// The length of the repeated block.
pub const BLOCK: u64 = 1024 * 1024;

/// The block of item `item_id`: pseudo-random bytes (xorshift) seeded from its id.
pub fn block(item_id: &str) -> Bytes {
    let digest = Sha256::digest(item_id.as_bytes());
    let mut seed = [0u8; 8];
    seed.copy_from_slice(&digest[..8]);
    let mut state = u64::from_le_bytes(seed) | 1;
    let mut block = Vec::with_capacity(BLOCK as usize);
    while block.len() < BLOCK as usize {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        block.extend_from_slice(&state.to_le_bytes());
    }
    Bytes::from(block)
}

/// Bytes `start..end` of the endless repetition of `block`.
pub fn stream(block: Bytes, start: u64, end: u64) -> impl Stream<Item = io::Result<Bytes>> {
    let mut offset = start;
    futures::stream::iter(std::iter::from_fn(move || {
        if offset >= end {
            return None;
        }
        let within = offset % BLOCK;
        let take = (BLOCK - within).min(end - offset);
        offset += take;
        Some(Ok(block.slice(within as usize..(within + take) as usize)))
    }))
}

#[cfg(test)]
mod tests {
    use futures::StreamExt;

    use super::*;

    async fn collect(block: &Bytes, start: u64, end: u64) -> Vec<u8> {
        let mut out = Vec::new();
        let mut frames = Box::pin(stream(block.clone(), start, end));
        while let Some(frame) = frames.next().await {
            out.extend_from_slice(&frame.unwrap());
        }
        out
    }

    #[tokio::test]
    async fn ranges_agree_with_the_whole() {
        let block = block("ITEM-1");
        assert_eq!(block.len() as u64, BLOCK);
        assert_ne!(block, super::block("ITEM-2"));
        let whole = collect(&block, 0, 3 * BLOCK + 17).await;
        assert_eq!(whole.len() as u64, 3 * BLOCK + 17);
        assert_eq!(&whole[..BLOCK as usize], &block[..]);
        let start = BLOCK - 5;
        let part = collect(&block, start, 2 * BLOCK + 3).await;
        assert_eq!(&part[..], &whole[start as usize..(2 * BLOCK + 3) as usize]);
        assert!(collect(&block, 7, 7).await.is_empty());
    }
}
