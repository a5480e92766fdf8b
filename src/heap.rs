//! The widget's memory allocator: blocks of a power of two in size, one free list for each
//! size, taken from the end of the wasm memory as it grows.
//!
//! Rust's default allocator for wasm (dlmalloc) is about 7 KB of code, 4 KB of the widget
//! gzipped; this one is a few hundred bytes. The widget's memory is small (about 1.5 MiB) and
//! its allocations come and go in the same sizes screen after screen, so blocks rounded up to
//! a power of two, never split or joined, are reused as they are freed and the memory stays
//! flat (tests/web/safety.mjs counts it over 1,000 journeys). The price is up to half of each
//! block unused, and blocks freed in one size are not used for another: that test's page with
//! two widgets holds 3.63 MiB of wasm memory, 2.56 with dlmalloc.
//!
//! Only for the browser widget (wasm32, feature `web`) without threads: the state is one
//! `static` with no lock. Native builds and the preview checker keep Rust's default.

use std::alloc::{GlobalAlloc, Layout};
use std::cell::UnsafeCell;
use std::ptr::null_mut;

/// A wasm page.
const PAGE: usize = 65536;

/// Blocks are aligned to their size up to this; a larger alignment is asked for only by types
/// this crate and its dependencies do not have, and is then met by a fresh block.
const MAX_ALIGN: usize = 16;

struct Heap {
    /// The first free block of each size 2^i, each free block holding the address of the next.
    free: [*mut u8; usize::BITS as usize],
    /// Unused memory from `next` to `end`.
    next: usize,
    end: usize,
}

/// The allocator (see the module's documentation).
pub(crate) struct PowerOfTwoBlocks(UnsafeCell<Heap>);

// SAFETY: wasm32 without the `atomics` feature has one thread, so the heap is never shared.
unsafe impl Sync for PowerOfTwoBlocks {}

#[global_allocator]
static ALLOCATOR: PowerOfTwoBlocks = PowerOfTwoBlocks(UnsafeCell::new(Heap {
    free: [null_mut(); usize::BITS as usize],
    next: 0,
    end: 0,
}));

/// The size class of a layout: i for blocks of 2^i bytes, at least 8 (room for the link of a
/// free block) and at least the alignment. A layout's size is at most `isize::MAX`, so i < 32.
fn class(layout: Layout) -> usize {
    let size = layout.size().max(layout.align()).max(8);
    (usize::BITS - (size - 1).leading_zeros()) as usize
}

unsafe impl GlobalAlloc for PowerOfTwoBlocks {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: one thread, and no call here reenters the allocator.
        let heap = unsafe { &mut *self.0.get() };
        let c = class(layout);
        if c > 30 {
            // A gigabyte or more: the browser would refuse it anyway.
            return null_mut();
        }
        let size = 1usize << c;
        let head = heap.free[c];
        if !head.is_null() && layout.align() <= MAX_ALIGN {
            // SAFETY: a free block of this class, at least 8 bytes, holding the next one's address.
            heap.free[c] = unsafe { *head.cast::<*mut u8>() };
            return head;
        }
        let align = if layout.align() > MAX_ALIGN {
            size
        } else {
            size.min(MAX_ALIGN)
        };
        let mut at = (heap.next + align - 1) & !(align - 1);
        if at.checked_add(size).is_none_or(|end| end > heap.end) {
            // Grow the memory by enough for this block, aligned, and at least 8 pages.
            let pages = ((size + align) / PAGE + 1).max(8);
            let old = core::arch::wasm32::memory_grow(0, pages);
            if old == usize::MAX {
                return null_mut();
            }
            let start = old * PAGE;
            let Some(end) = start.checked_add(pages * PAGE) else {
                return null_mut();
            };
            if start != heap.end {
                heap.next = start;
            }
            heap.end = end;
            at = (heap.next + align - 1) & !(align - 1);
        }
        heap.next = at + size;
        at as *mut u8
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: one thread; `ptr` is a block of this layout's class, at least 8 bytes.
        let heap = unsafe { &mut *self.0.get() };
        let c = class(layout);
        unsafe { *ptr.cast::<*mut u8>() = heap.free[c] };
        heap.free[c] = ptr;
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: the caller gives a block of `layout` and a valid new size for its alignment.
        let new = unsafe { Layout::from_size_align_unchecked(new_size, layout.align()) };
        if class(new) == class(layout) {
            return ptr;
        }
        let out = unsafe { self.alloc(new) };
        if !out.is_null() {
            unsafe {
                std::ptr::copy_nonoverlapping(ptr, out, layout.size().min(new_size));
                self.dealloc(ptr, layout);
            }
        }
        out
    }
}
