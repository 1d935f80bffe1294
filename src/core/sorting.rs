//! One stable sort for the app's lists (attempts, rounds, findings).
//!
//! `slice::sort_by` and `sort_unstable_by` are generic over the element and
//! the comparison, so every call site compiled its own copy of the sorting
//! machinery: about 3 KB of wasm each, 40 KB in all. Here the merge work is
//! one non-generic function over indices, and each call site keeps only a
//! few lines that move its elements into the computed order. Only the
//! lexicon's sort of raw phrase hits (hundreds per answer, on every
//! keystroke) keeps the standard sort, where speed matters more than bytes.

use std::cmp::Ordering;

/// Sorts `items` by `cmp`, stably (equal items keep their order), in
/// O(n log n) comparisons.
pub fn sort_by<T>(items: &mut Vec<T>, mut cmp: impl FnMut(&T, &T) -> Ordering) {
    let order = {
        let list: &[T] = items;
        stable_order(list.len(), &mut |a, b| cmp(&list[a], &list[b]))
    };
    let mut slots: Vec<Option<T>> = std::mem::take(items).into_iter().map(Some).collect();
    items.extend(order.into_iter().filter_map(|i| slots[i].take()));
}

/// The positions `0..n` in sorted order: a bottom-up merge sort, stable
/// because a tie always takes from the left run.
fn stable_order(n: usize, cmp: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    let mut merged = order.clone();
    let mut width = 1;
    while width < n {
        let mut start = 0;
        while start < n {
            let mid = (start + width).min(n);
            let end = (start + 2 * width).min(n);
            let (mut left, mut right) = (start, mid);
            for slot in &mut merged[start..end] {
                let take_left =
                    right >= end || (left < mid && cmp(order[left], order[right]).is_le());
                if take_left {
                    *slot = order[left];
                    left += 1;
                } else {
                    *slot = order[right];
                    right += 1;
                }
            }
            start = end;
        }
        std::mem::swap(&mut order, &mut merged);
        width *= 2;
    }
    order
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn sorts_small_cases() {
        let cases: &[(&[i32], &[i32])] = &[
            (&[], &[]),
            (&[1], &[1]),
            (&[2, 1], &[1, 2]),
            (&[3, 1, 2], &[1, 2, 3]),
            (&[5, 4, 3, 2, 1], &[1, 2, 3, 4, 5]),
            (&[1, 1, 0, 1], &[0, 1, 1, 1]),
        ];
        for (input, want) in cases {
            let mut v = input.to_vec();
            sort_by(&mut v, |a, b| a.cmp(b));
            assert_eq!(&v, want, "sorting {input:?}");
        }
    }

    #[test]
    fn equal_keys_keep_their_order() {
        let mut v = vec![(2, 'a'), (1, 'b'), (2, 'c'), (1, 'd'), (2, 'e')];
        sort_by(&mut v, |x, y| x.0.cmp(&y.0));
        assert_eq!(v, [(1, 'b'), (1, 'd'), (2, 'a'), (2, 'c'), (2, 'e')]);
    }

    proptest! {
        #[test]
        fn matches_the_standard_stable_sort(v in proptest::collection::vec((0u8..8, any::<u16>()), 0..200)) {
            let mut ours = v.clone();
            sort_by(&mut ours, |x, y| x.0.cmp(&y.0));
            let mut std_sorted = v;
            std_sorted.sort_by_key(|x| x.0);
            prop_assert_eq!(ours, std_sorted);
        }
    }
}
