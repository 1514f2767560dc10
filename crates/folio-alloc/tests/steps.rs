//! The allocator in a real WebAssembly instance (`cargo test -p folio-alloc --target
//! wasm32-unknown-unknown`): memory grows in whole steps, and large, small and many
//! allocations all work.
#![cfg(target_arch = "wasm32")]

extern crate alloc;

use alloc::vec::Vec;
use core::arch::wasm32::memory_size;

use folio_alloc::STEP_PAGES;
use wasm_bindgen_test::*;

#[global_allocator]
static ALLOCATOR: folio_alloc::Allocator = folio_alloc::allocator();

/// Every change of the memory's size seen while `work` runs, in pages.
fn growths(mut work: impl FnMut(&mut dyn FnMut())) -> Vec<usize> {
    let mut seen = Vec::with_capacity(1024);
    let mut last = memory_size(0);
    work(&mut || {
        let now = memory_size(0);
        if now != last {
            // Within the preallocated capacity: recording allocates nothing.
            if seen.len() < seen.capacity() {
                seen.push(now - last);
            }
            last = now;
        }
    });
    seen
}

#[wasm_bindgen_test]
fn small_allocations_grow_the_memory_in_whole_steps() {
    let mut kept: Vec<Vec<u8>> = Vec::with_capacity(20_000);
    let grown = growths(|check| {
        // 20,000 strings of 100–600 bytes: about 7 MiB, at least one step.
        for i in 0..20_000 {
            kept.push(alloc::vec![i as u8; 100 + i % 500]);
            check();
        }
    });
    assert!(!grown.is_empty(), "7 MiB of strings never grew the memory");
    assert!(
        grown.iter().all(|&pages| pages >= STEP_PAGES),
        "grew by fewer pages than a step: {grown:?}"
    );
    assert!(
        grown.len() <= 3,
        "7 MiB took {} grows: {grown:?}",
        grown.len()
    );
    assert!(kept
        .iter()
        .enumerate()
        .all(|(i, v)| v.len() == 100 + i % 500 && v[0] == i as u8));
}

#[wasm_bindgen_test]
fn an_allocation_larger_than_a_step_gets_what_it_asks_for() {
    let size = STEP_PAGES * 65_536 * 3 + 12_345;
    let mut big = alloc::vec![0u8; size];
    big[size - 1] = 7;
    assert_eq!(big.len(), size);
    assert_eq!(big[size - 1], 7);
    // Freed memory is reused: the same again does not grow the memory by a second copy.
    drop(big);
    let before = memory_size(0);
    let again = alloc::vec![1u8; size];
    assert_eq!(memory_size(0), before);
    assert_eq!(again[size - 1], 1);
}

#[wasm_bindgen_test]
fn aligned_allocations_are_aligned() {
    #[repr(align(4096))]
    struct Page([u8; 4096]);
    let pages: Vec<alloc::boxed::Box<Page>> = (0..100)
        .map(|_| alloc::boxed::Box::new(Page([3; 4096])))
        .collect();
    assert!(pages
        .iter()
        .all(|p| (&**p as *const Page as usize).is_multiple_of(4096) && p.0[4095] == 3));
}
