//! Counts the bytes the lab holds, so the interpreter can stop a program that grows without end
//! (`x = [0] * 10**6` in each of 180 nested calls) before the browser's wasm memory runs out —
//! which would be a trap that takes the page down, not a Python error.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

/// The system allocator, counting what is live.
pub struct Counting;

thread_local! {
    /// Per thread, so native tests running side by side do not see each other's memory (the
    /// page has one thread). A block freed on another thread than its own counts there.
    static LIVE: Cell<isize> = const { Cell::new(0) };
}

fn count(delta: isize) {
    let _ = LIVE.try_with(|live| live.set(live.get().wrapping_add(delta)));
}

// SAFETY: every call forwards to `System` with the caller's arguments unchanged; the counter is
// only arithmetic on the sizes.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let ptr = unsafe { System.alloc(layout) };
        if !ptr.is_null() {
            count(layout.size() as isize);
        }
        ptr
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        let ptr = unsafe { System.alloc_zeroed(layout) };
        if !ptr.is_null() {
            count(layout.size() as isize);
        }
        ptr
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) };
        count(-(layout.size() as isize));
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let moved = unsafe { System.realloc(ptr, layout, new_size) };
        if !moved.is_null() {
            count(new_size as isize - layout.size() as isize);
        }
        moved
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// Bytes allocated and not yet freed on this thread (the whole lab, in the page).
pub fn live_bytes() -> usize {
    LIVE.try_with(Cell::get).unwrap_or(0).max(0) as usize
}

#[cfg(test)]
mod tests {
    #[cfg(all(target_family = "wasm", target_os = "unknown"))]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    #[test]
    fn a_big_value_is_counted_while_it_lives() {
        let before = super::live_bytes();
        let big = vec![0u8; 8 << 20];
        assert!(super::live_bytes() >= before + (8 << 20));
        drop(big);
    }
}
