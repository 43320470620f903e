//! The hasher of the lab's own hash maps: Python dicts and namespaces, the identity map, the
//! revision index. std's default (SipHash with a random key) resists hash flooding by keys an
//! attacker sends over a network; here every key comes from the learner's own program in their
//! own tab, and SipHash was about 8 % of a seed `Database` call. This is the multiply-rotate hash
//! that compilers use for their symbol tables, with a final rotation that brings the well-mixed
//! high bits down to the low bits the table indexes by (so keys such as `i * 1024` spread).

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

pub type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FastHasher>>;
pub type FastSet<K> = HashSet<K, BuildHasherDefault<FastHasher>>;

/// An odd constant with well-spread bits (the golden-ratio family).
const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

#[derive(Default, Clone, Copy)]
pub struct FastHasher {
    hash: u64,
}

impl FastHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for FastHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut word = [0u8; 8];
            word[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(word) ^ ((rest.len() as u64) << 59));
        }
    }

    #[inline]
    fn write_u8(&mut self, n: u8) {
        self.add(u64::from(n));
    }

    #[inline]
    fn write_u32(&mut self, n: u32) {
        self.add(u64::from(n));
    }

    #[inline]
    fn write_u64(&mut self, n: u64) {
        self.add(n);
    }

    #[inline]
    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }

    #[inline]
    fn finish(&self) -> u64 {
        self.hash.rotate_left(26)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::hash::BuildHasher;

    fn hash_of<T: std::hash::Hash>(value: T) -> u64 {
        BuildHasherDefault::<FastHasher>::default().hash_one(value)
    }

    #[test]
    fn equal_keys_hash_alike_and_near_keys_differ() {
        assert_eq!(hash_of("users"), hash_of(String::from("users")));
        assert_ne!(hash_of("users"), hash_of("user"));
        assert_ne!(hash_of("ab"), hash_of("ab\0"));
        assert_ne!(hash_of(("a", "bc")), hash_of(("ab", "c")));
    }

    #[test]
    fn multiples_of_a_power_of_two_spread_over_the_low_bits() {
        // A table of 1,024 buckets indexes by the low 10 bits: keys 0, 1024, 2048, … must not
        // all land in a few buckets.
        let buckets: FastSet<u64> = (0..1024u64).map(|i| hash_of(i * 1024) & 1023).collect();
        assert!(buckets.len() > 500, "{} buckets used", buckets.len());
    }

    #[test]
    fn a_map_with_many_keys_finds_each() {
        let mut map: FastMap<String, usize> = FastMap::default();
        for i in 0..10_000 {
            map.insert(format!("key{i}"), i);
        }
        assert!((0..10_000).all(|i| map.get(&format!("key{i}")) == Some(&i)));
    }
}
