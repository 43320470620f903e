//! Sorting for the short lists the lab sorts (tables, indexes, constraints, heads, file names): a
//! stable insertion sort. The standard library's sorts cost kilobytes of wasm for every element
//! type they are used with; this costs a few hundred bytes, and these lists hold tens of items.

/// Sorts stably by `less`.
pub fn sort_by<T>(items: &mut [T], mut less: impl FnMut(&T, &T) -> bool) {
    for i in 1..items.len() {
        let mut j = i;
        while j > 0 && less(&items[j], &items[j - 1]) {
            items.swap(j, j - 1);
            j -= 1;
        }
    }
}

/// Sorts stably by a key.
pub fn sort_by_key<T, K: Ord>(items: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(items, |a, b| key(a) < key(b));
}

/// Sorts stably in ascending order.
pub fn sort<T: Ord>(items: &mut [T]) {
    sort_by(items, |a, b| a < b);
}

#[cfg(test)]
mod tests {
    use super::*;
    #[cfg(all(target_family = "wasm", target_os = "unknown"))]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    #[test]
    fn sorts_like_the_standard_library_and_keeps_equal_items_in_order() {
        let mut seed: u64 = 7;
        for len in 0..60 {
            let items: Vec<(u8, usize)> = (0..len)
                .map(|i| {
                    seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                    ((seed >> 60) as u8, i)
                })
                .collect();
            let mut ours = items.clone();
            sort_by_key(&mut ours, |(k, _)| *k);
            let mut std = items.clone();
            std.sort_by_key(|(k, _)| *k);
            assert_eq!(ours, std, "stable, as slice::sort_by_key");
            let mut plain = items.clone();
            sort(&mut plain);
            let mut std_plain = items;
            std_plain.sort();
            assert_eq!(plain, std_plain);
        }
    }
}
