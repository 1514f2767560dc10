//! Stable sorting with one copy of the sort code.
//!
//! Every `sort_by` with a closure of its own makes the compiler emit the standard library's
//! stable sort once more, about 4 KB of WebAssembly each time. The reader sorts a few kinds
//! of lists (posts by date, terms by name, search hits by score), so all of them go through
//! one sort of positions with the comparison behind a reference: one copy for all.

use std::cmp::Ordering;

/// Sorts `items` by `compare`, keeping the order of equal items (like `sort_by`).
pub fn sort_stable_by<T>(items: &mut Vec<T>, compare: impl Fn(&T, &T) -> Ordering) {
    if items.len() < 2 {
        return;
    }
    let order = {
        let items = &items[..];
        sorted_positions(items.len(), &|a, b| compare(&items[a], &items[b]))
    };
    permute(items, &order);
}

/// Sorts `items` by the key each has, keeping the order of equal keys; the key is computed
/// once per item (like `sort_by_cached_key`, but stable).
pub fn sort_stable_by_cached_key<T, K: Ord>(items: &mut Vec<T>, key: impl Fn(&T) -> K) {
    if items.len() < 2 {
        return;
    }
    let keys: Vec<K> = items.iter().map(key).collect();
    let order = sorted_positions(keys.len(), &|a, b| keys[a].cmp(&keys[b]));
    permute(items, &order);
}

/// `0..len`, stably sorted by `compare` of two positions. Not generic: the one place the
/// sort is compiled. A bottom-up merge sort rather than the standard library's: its
/// driftsort is 4 KB of WebAssembly (1.5 KB gzipped) where this is a few hundred bytes.
/// Two runs already in order are joined with one comparison, so a list that is sorted
/// already (posts in a manifest written newest first) costs `len` comparisons, as in
/// driftsort.
#[inline(never)]
fn sorted_positions(len: usize, compare: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    let mut merged: Vec<usize> = Vec::with_capacity(len);
    let mut width = 1;
    while width < len {
        merged.clear();
        for run in order.chunks(width * 2) {
            let (left, right) = run.split_at(width.min(run.len()));
            merge(left, right, &mut merged, compare);
        }
        std::mem::swap(&mut order, &mut merged);
        width *= 2;
    }
    order
}

/// Appends the two sorted runs `left` and `right` to `out` as one sorted run, an item of
/// `left` first where two are equal.
fn merge(
    left: &[usize],
    right: &[usize],
    out: &mut Vec<usize>,
    compare: &dyn Fn(usize, usize) -> Ordering,
) {
    let in_order = match (left.last(), right.first()) {
        (Some(&last), Some(&first)) => compare(last, first) != Ordering::Greater,
        _ => true,
    };
    if in_order {
        out.extend_from_slice(left);
        out.extend_from_slice(right);
        return;
    }
    let (mut left, mut right) = (left, right);
    while let (Some(&a), Some(&b)) = (left.first(), right.first()) {
        if compare(a, b) == Ordering::Greater {
            out.push(b);
            right = &right[1..];
        } else {
            out.push(a);
            left = &left[1..];
        }
    }
    out.extend_from_slice(left);
    out.extend_from_slice(right);
}

/// `items` rearranged so that position `i` holds the item that was at `order[i]`.
fn permute<T>(items: &mut Vec<T>, order: &[usize]) {
    let mut slots: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend(
        order
            .iter()
            .filter_map(|&from| slots.get_mut(from).and_then(Option::take)),
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn equal_items_keep_their_order() {
        let mut items = vec![(2, 'a'), (1, 'b'), (2, 'c'), (1, 'd'), (3, 'e')];
        sort_stable_by(&mut items, |a, b| b.0.cmp(&a.0));
        assert_eq!(items, [(3, 'e'), (2, 'a'), (2, 'c'), (1, 'b'), (1, 'd')]);
        let mut words = vec!["b", "A", "a", "B"];
        sort_stable_by_cached_key(&mut words, |word| word.to_lowercase());
        assert_eq!(words, ["A", "a", "b", "B"]);
        let mut empty: Vec<u8> = Vec::new();
        sort_stable_by(&mut empty, u8::cmp);
        assert!(empty.is_empty());
    }

    #[test]
    fn long_lists_in_order_reversed_and_in_runs() {
        let lists: [Vec<u32>; 3] = [
            (0..1000).collect(),
            (0..1000).rev().collect(),
            (0..1000).map(|i| (i * 7919) % 13).collect(),
        ];
        for list in lists {
            let mut expected: Vec<(u32, usize)> = list.iter().copied().zip(0..).collect();
            let mut got = expected.clone();
            expected.sort_by_key(|item| item.0);
            sort_stable_by(&mut got, |a, b| a.0.cmp(&b.0));
            assert_eq!(got, expected);
        }
    }

    proptest! {
        #[test]
        fn same_as_the_standard_stable_sort(items in proptest::collection::vec((0u8..8, any::<u16>()), 0..300)) {
            let mut expected = items.clone();
            expected.sort_by_key(|item| item.0);
            let mut got = items.clone();
            sort_stable_by(&mut got, |a, b| a.0.cmp(&b.0));
            prop_assert_eq!(&got, &expected);
            let mut by_key = items;
            sort_stable_by_cached_key(&mut by_key, |item| item.0);
            prop_assert_eq!(by_key, expected);
        }
    }
}
