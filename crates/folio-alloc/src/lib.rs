//! The global allocator of Folio's WebAssembly: talc (smaller than the default dlmalloc
//! in the download and faster on many small strings), with memory grown in steps of
//! [`STEP_PAGES`] rather than the few pages each allocation lacks.
//!
//! Every `memory.grow` costs the browser's main thread far more than its size suggests:
//! V8 replaces the memory's `ArrayBuffer` and counts the new bytes as external memory,
//! which can start a garbage collection. talc's own wasm source grows by exactly what an
//! allocation lacks, so the app reading a 1,000-post manifest grew its memory 38 times,
//! and Chromium traces showed 7–16 ms (medians; up to 60) of `wasm.GrowMemory` per page
//! load at full CPU speed (docs/perf.md, eighth session). In steps of 4 MiB that site
//! grows once.
//!
//! Outside WebAssembly the crate is empty: the native builds use the system allocator.
#![no_std]
#![cfg(target_arch = "wasm32")]

use core::alloc::Layout;
use core::arch::wasm32::memory_grow;

use talc::base::binning::Binning;
use talc::base::Talc;
use talc::cell::TalcSyncCell;
use talc::source::Source;
use talc::wasm::WasmBinning;

/// A WebAssembly page, the unit of `memory.grow`.
const PAGE_SIZE: usize = 64 * 1024;

/// The pages the heap grows by at least: 4 MiB, so a page load needs one or two grows,
/// and at most 4 MiB more than the app uses stays reserved.
pub const STEP_PAGES: usize = 64;

/// Room for talc's own bookkeeping in a new heap: a chunk's header and the heap's end,
/// and in the first heap its table of free lists (64 bins of 4 bytes). Were it short, an
/// allocation larger than a step would not fit its heap, and talc would ask for another.
const OVERHEAD: usize = 1024;

/// The allocator type: talc, single-threaded, over [`GrowInSteps`].
pub type Allocator = TalcSyncCell<GrowInSteps, WasmBinning>;

/// The allocator to declare as `#[global_allocator]` (one per WebAssembly binary).
pub const fn allocator() -> Allocator {
    TalcSyncCell::new_wasm(GrowInSteps)
}

/// A talc memory source that grows the WebAssembly memory by at least [`STEP_PAGES`] at a
/// time, each step a heap of its own (talc's `WasmGrowAndClaim`, with steps: at 4 MiB a
/// step, joining steps into one heap would save little and cost code).
#[derive(Debug)]
pub struct GrowInSteps;

/// The pages an allocation of `layout` needs, with talc's overhead.
fn pages_for(layout: Layout) -> usize {
    (layout.size() + layout.align() + OVERHEAD).div_ceil(PAGE_SIZE)
}

// SAFETY: `acquire` allocates nothing; it only grows the memory and hands the new pages
// to talc, which owns them from then on.
unsafe impl Source for GrowInSteps {
    fn acquire<B: Binning>(talc: &mut Talc<Self, B>, layout: Layout) -> Result<(), ()> {
        let pages = pages_for(layout).max(STEP_PAGES);
        let old_pages = memory_grow(0, pages);
        if old_pages == usize::MAX {
            return Err(());
        }
        // SAFETY: the pages were just added to the memory and nothing else uses them.
        match unsafe { talc.claim((old_pages * PAGE_SIZE) as *mut u8, pages * PAGE_SIZE) } {
            Some(_) => Ok(()),
            None => Err(()),
        }
    }
}
