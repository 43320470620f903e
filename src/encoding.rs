//! The length-prefixed byte encoding of lab snapshots: little-endian `u32` lengths and counts,
//! `u64` numbers, UTF-8 text. Reading never goes past the end; a short or damaged input is `None`.

pub fn put_len(out: &mut Vec<u8>, n: usize) {
    out.extend_from_slice(&u32::try_from(n).unwrap_or(u32::MAX).to_le_bytes());
}

pub fn put_bytes(out: &mut Vec<u8>, bytes: &[u8]) {
    put_len(out, bytes.len());
    out.extend_from_slice(bytes);
}

pub fn put_str(out: &mut Vec<u8>, text: &str) {
    put_bytes(out, text.as_bytes());
}

/// The next `n` bytes, moving past them.
pub fn take<'a>(bytes: &mut &'a [u8], n: usize) -> Option<&'a [u8]> {
    if bytes.len() < n {
        return None;
    }
    let (head, rest) = bytes.split_at(n);
    *bytes = rest;
    Some(head)
}

pub fn get_len(bytes: &mut &[u8]) -> Option<usize> {
    take(bytes, 4).and_then(|b| b.try_into().ok()).map(|b| u32::from_le_bytes(b) as usize)
}

pub fn get_u64(bytes: &mut &[u8]) -> Option<u64> {
    take(bytes, 8).and_then(|b| b.try_into().ok()).map(u64::from_le_bytes)
}

pub fn get_bytes<'a>(bytes: &mut &'a [u8]) -> Option<&'a [u8]> {
    let n = get_len(bytes)?;
    take(bytes, n)
}

pub fn get_str(bytes: &mut &[u8]) -> Option<String> {
    String::from_utf8(get_bytes(bytes)?.to_vec()).ok()
}
