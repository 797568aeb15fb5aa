// Shared by the word pass (`word_table.rs`) and `build.rs`, both with `include!`.

/// The hash of a folded word. `build.rs` includes this file too, so the Bloom filter it makes
/// and the word pass that probes it hash alike. Words are short:
/// the tail is read as one overlapping load, not copied byte by byte into a buffer (that copy,
/// a `memcpy` call and a stalled load per word, was a tenth of the word pass).
pub fn fx_hash(folded: &str) -> u64 {
    const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;
    let b = folded.as_bytes();
    let n = b.len();
    let le64 = |at: usize| {
        b.get(at..at + 8)
            .and_then(|s| <[u8; 8]>::try_from(s).ok())
            .map_or(0, u64::from_le_bytes)
    };
    let le32 = |at: usize| {
        b.get(at..at + 4)
            .and_then(|s| <[u8; 4]>::try_from(s).ok())
            .map_or(0, u32::from_le_bytes)
    };
    let mut h: u64 = 0;
    let mut add = |w: u64| h = (h.rotate_left(5) ^ w).wrapping_mul(K);
    if n >= 8 {
        let mut at = 0;
        while at + 8 <= n {
            add(le64(at));
            at += 8;
        }
        if at < n {
            add(le64(n - 8));
        }
    } else if n >= 4 {
        add(u64::from(le32(0)) | u64::from(le32(n - 4)) << 32);
    } else if n > 0 {
        add(u64::from(b[0]) | u64::from(b[n / 2]) << 8 | u64::from(b[n - 1]) << 16);
    }
    add(n as u64);
    // The multiply leaves the low bits weak (they see only the input's low bits), and both
    // the table's slot and the Bloom filter's probes are taken from them: one more mix.
    h ^= h >> 32;
    h.wrapping_mul(K)
}
