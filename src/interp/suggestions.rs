//! CPython 3.11's "Did you mean" for a NameError: the closest name by its edit distance (a
//! changed letter costs 2, a changed case 1, and at most a third of the characters may change),
//! looked for among the function's variables, then the module's globals, then the builtins. The
//! traceback's last line gets it (`NameError: name 'Text' is not defined. Did you mean: 'next'?`);
//! `str(error)` does not.

const MOVE_COST: usize = 2;
const CASE_COST: usize = 1;
/// CPython gives up on longer names and on longer lists of candidates.
const MAX_STRING_SIZE: usize = 40;
const MAX_CANDIDATE_ITEMS: usize = 750;

fn substitution_cost(a: u8, b: u8) -> usize {
    if (a & 31) != (b & 31) {
        return MOVE_COST;
    }
    if a == b {
        return 0;
    }
    if a.eq_ignore_ascii_case(&b) {
        CASE_COST
    } else {
        MOVE_COST
    }
}

/// The edit distance of two names, or `max_cost + 1` once it must exceed `max_cost`.
fn distance(a: &[u8], b: &[u8], max_cost: usize) -> usize {
    let mut a = a;
    let mut b = b;
    while let (Some(x), Some(y)) = (a.first(), b.first()) {
        if x != y {
            break;
        }
        a = &a[1..];
        b = &b[1..];
    }
    while let (Some(x), Some(y)) = (a.last(), b.last()) {
        if x != y {
            break;
        }
        a = &a[..a.len() - 1];
        b = &b[..b.len() - 1];
    }
    if a.is_empty() || b.is_empty() {
        return (a.len() + b.len()) * MOVE_COST;
    }
    if a.len() > MAX_STRING_SIZE || b.len() > MAX_STRING_SIZE {
        return max_cost + 1;
    }
    if b.len() < a.len() {
        std::mem::swap(&mut a, &mut b);
    }
    if (b.len() - a.len()) * MOVE_COST > max_cost {
        return max_cost + 1;
    }
    let mut row: Vec<usize> = (1..=a.len()).map(|i| i * MOVE_COST).collect();
    let mut result = 0;
    for (b_index, &code) in b.iter().enumerate() {
        let mut distance = b_index * MOVE_COST;
        result = distance;
        let mut minimum = usize::MAX;
        for (index, &letter) in a.iter().enumerate() {
            let substitute = distance + substitution_cost(code, letter);
            distance = row[index];
            let insert_delete = result.min(distance) + MOVE_COST;
            result = insert_delete.min(substitute);
            row[index] = result;
            minimum = minimum.min(result);
        }
        if minimum > max_cost {
            return max_cost + 1;
        }
    }
    result
}

/// The candidate CPython would suggest for `name`, if any.
pub fn suggest<'a>(name: &str, candidates: &[&'a str]) -> Option<&'a str> {
    if candidates.len() >= MAX_CANDIDATE_ITEMS {
        return None;
    }
    let mut best: Option<(&str, usize)> = None;
    for &item in candidates {
        if item == name {
            continue;
        }
        let mut max_distance = (name.len() + item.len() + 3) * MOVE_COST / 6;
        if let Some((_, best_distance)) = best {
            max_distance = max_distance.min(best_distance.saturating_sub(1));
        }
        let found = distance(name.as_bytes(), item.as_bytes(), max_distance);
        if found > max_distance {
            continue;
        }
        if best.is_none_or(|(_, d)| found < d) {
            best = Some((item, found));
        }
    }
    best.map(|(item, _)| item)
}

#[cfg(test)]
mod tests {
    use super::*;
    #[cfg(all(target_family = "wasm", target_os = "unknown"))]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    #[test]
    fn suggests_what_cpython_3_11_suggests() {
        // Each checked with CPython 3.11's NameError.
        assert_eq!(suggest("Text", &["op", "sa", "print", "next", "len"]), Some("next"));
        assert_eq!(suggest("usr", &["user", "users"]), Some("user"));
        assert_eq!(suggest("Sesion", &["Session", "select"]), Some("Session"));
        assert_eq!(suggest("x", &["y", "abc"]), None);
        assert_eq!(suggest("prnt", &["print", "int"]), Some("print"));
        assert_eq!(suggest("LEN", &["len"]), Some("len"));
    }
}
