//! Work spread over the machine's cores (at most 8 threads), for the builds of large
//! sites: each thread takes a contiguous share of the items, and results come back in the
//! items' order. A panic in the work is a bug and is passed on as it is.

use std::sync::atomic::{AtomicBool, Ordering};

/// How many threads a build uses: one a core, at most 8.
pub fn threads() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get().min(8))
}

/// `f` of every item, computed on every core, in the items' order.
pub fn map<'a, T: Sync, R: Send>(items: &'a [T], f: impl Fn(&'a T) -> R + Sync) -> Vec<R> {
    shares(items, |share| share.iter().map(&f).collect::<Vec<R>>())
        .into_iter()
        .flatten()
        .collect()
}

/// `f` of every item, on every core, until one fails: then every thread stops at its next
/// item, and the first failure (in the items' order) is the result.
pub fn try_for_each<'a, T: Sync, E: Send>(
    items: &'a [T],
    f: impl Fn(&'a T) -> Result<(), E> + Sync,
) -> Result<(), E> {
    let failed = AtomicBool::new(false);
    shares(items, |share| {
        for item in share {
            if failed.load(Ordering::Relaxed) {
                break;
            }
            if let Err(error) = f(item) {
                failed.store(true, Ordering::Relaxed);
                return Err(error);
            }
        }
        Ok(())
    })
    .into_iter()
    .collect()
}

/// `work` of each thread's share of `items`, in order.
fn shares<'a, T: Sync, R: Send>(items: &'a [T], work: impl Fn(&'a [T]) -> R + Sync) -> Vec<R> {
    let size = items.len().div_ceil(threads()).max(1);
    let work = &work;
    std::thread::scope(|scope| {
        let workers: Vec<_> = items
            .chunks(size)
            .map(|share| scope.spawn(move || work(share)))
            .collect();
        workers
            .into_iter()
            .map(|worker| {
                worker
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
            })
            .collect()
    })
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::{AtomicUsize, Ordering};

    #[test]
    fn results_keep_the_items_order() {
        let items: Vec<u32> = (0..1001).collect();
        assert_eq!(
            super::map(&items, |n| n * 2),
            items.iter().map(|n| n * 2).collect::<Vec<_>>()
        );
        assert_eq!(super::map(&[] as &[u32], |n| *n), Vec::<u32>::new());
        assert_eq!(super::map(&[7], |n| n + 1), vec![8]);
    }

    #[test]
    fn the_first_failure_stops_the_work() {
        let items: Vec<u32> = (0..10_000).collect();
        let done = AtomicUsize::new(0);
        let result = super::try_for_each(&items, |n| {
            done.fetch_add(1, Ordering::Relaxed);
            if *n == 3 || *n == 9_000 {
                Err(*n)
            } else {
                Ok(())
            }
        });
        assert_eq!(result, Err(3));
        assert!(done.load(Ordering::Relaxed) < items.len());
        assert_eq!(super::try_for_each(&items, |_| Ok::<(), u32>(())), Ok(()));
    }
}
