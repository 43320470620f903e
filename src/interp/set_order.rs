//! The order CPython's sets list their members in. A set is a hash table, and iterating or
//! printing it walks the table's slots, so `{3, 1, 2}` prints as `{1, 2, 3}`. For sets of
//! integers (whose hash is the number itself) the lab replays CPython's table — its probing and
//! its growth — over the members in the order they were added; other sets keep insertion order
//! (a string's hash is randomised per CPython process, so no order is the true one).
//! Known limit: a set that shrank keeps CPython's larger table, which the replay does not know.

use super::object::Obj;

/// Slots probed one after another before jumping (CPython's LINEAR_PROBES).
const LINEAR_PROBES: usize = 9;
const PERTURB_SHIFT: u32 = 5;
const MIN_SIZE: usize = 8;

/// `members` (in insertion order, into a table of at least `presize` slots) in the order
/// CPython would iterate them.
pub fn cpython_order(members: Vec<Obj>, presize: usize) -> Vec<Obj> {
    let Some(hashes) = members.iter().map(int_hash).collect::<Option<Vec<u64>>>() else {
        return members;
    };
    let mut table: Vec<Option<usize>> = vec![None; presize.max(MIN_SIZE).next_power_of_two()];
    let mut fill = 0;
    for (member, &hash) in hashes.iter().enumerate() {
        insert(&mut table, member, hash);
        fill += 1;
        let mask = table.len() - 1;
        if fill * 5 >= mask * 3 {
            let used = fill;
            let wanted = if used > 50_000 { used * 2 } else { used * 4 };
            let mut size = MIN_SIZE;
            while size <= wanted {
                size <<= 1;
            }
            let old = std::mem::replace(&mut table, vec![None; size]);
            for slot in old.into_iter().flatten() {
                insert(&mut table, slot, hashes[slot]);
            }
        }
    }
    let mut members: Vec<Option<Obj>> = members.into_iter().map(Some).collect();
    table.into_iter().flatten().filter_map(|i| members.get_mut(i).and_then(Option::take)).collect()
}

/// A constant set literal of three or more items (`{64, 32, 16}`): CPython's compiler makes a
/// frozenset of them and rebuilds it once from its own order while merging constants; the
/// running code merges that into a new, empty set. Small ones fit the new set's table and are
/// copied slot for slot (the rebuilt frozenset's adds); from five members the new table is
/// presized for twice as many and filled in the frozenset's order. Returns the members in
/// the order to replay and the table size to replay them into.
pub fn literal_layout(members: Vec<Obj>) -> (Vec<Obj>, usize) {
    if members.len() <= 2 {
        return (members, 0);
    }
    let first = cpython_order(members, 0);
    if members_fit(first.len()) {
        return (first, 0);
    }
    let rebuilt = cpython_order(first, 0);
    let mut size = MIN_SIZE;
    while size <= rebuilt.len() * 2 {
        size <<= 1;
    }
    (rebuilt, size)
}

/// Whether merging `n` members into an empty set keeps its smallest table (CPython grows it
/// first when (fill + n) * 5 >= mask * 3).
fn members_fit(n: usize) -> bool {
    n * 5 < (MIN_SIZE - 1) * 3
}

/// Puts member `index` in the first free slot of its probe sequence.
fn insert(table: &mut [Option<usize>], index: usize, hash: u64) {
    let mask = table.len() - 1;
    let mut perturb = hash;
    let mut i = (hash as usize) & mask;
    loop {
        let probes = if i + LINEAR_PROBES <= mask { LINEAR_PROBES } else { 0 };
        for at in i..=i + probes {
            if table[at].is_none() {
                table[at] = Some(index);
                return;
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb as usize)) & mask;
    }
}

/// CPython's hash of an int (reduced modulo 2^61 - 1, and -1 becomes -2), as the unsigned
/// word the table indexes with; None for anything else.
fn int_hash(value: &Obj) -> Option<u64> {
    let i = match value {
        Obj::Int(i) => *i,
        Obj::Bool(b) => i64::from(*b),
        _ => return None,
    };
    const MODULUS: i64 = (1 << 61) - 1;
    let reduced = i.unsigned_abs() % MODULUS as u64;
    let signed = if i < 0 { -(reduced as i64) } else { reduced as i64 };
    Some(if signed == -1 { -2i64 as u64 } else { signed as u64 })
}

#[cfg(test)]
mod tests {
    use super::*;
    #[cfg(all(target_family = "wasm", target_os = "unknown"))]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    fn order(values: &[i64]) -> Vec<i64> {
        cpython_order(values.iter().map(|v| Obj::Int(*v)).collect(), 0)
            .into_iter()
            .map(|o| if let Obj::Int(i) = o { i } else { 0 })
            .collect()
    }

    #[test]
    fn small_ints_list_in_slot_order_and_collisions_probe_on() {
        // Printed by CPython 3.11.
        assert_eq!(order(&[3, 1, 2]), [1, 2, 3]);
        assert_eq!(order(&[8, 0]), [8, 0]);
        assert_eq!(order(&[0, 8]), [0, 8]);
        assert_eq!(order(&[100, 5, -1, 33]), [33, 100, 5, -1]);
    }
}
