//! Argon2's working memory, in transparent huge pages where the kernel offers them.
//!
//! A fresh process that hashes once spends about a third as long faulting in Argon2id's 19 MiB
//! page by page (about 4,900 faults) as computing the hash. An anonymous mapping aligned to 2 MiB
//! and marked `MADV_HUGEPAGE` is faulted in as nine huge pages and a 1 MiB tail instead, and the
//! kernel hands it out already zeroed, so nothing writes it before Argon2 does. Where the mapping or the advice is
//! refused (another OS, THP set to `never`, no memory), the memory is an ordinary `Vec`: same
//! results, only slower. This is the one module that needs `unsafe`.

#![allow(unsafe_code)]

use argon2::Block;

const HUGE_PAGE: usize = 2 * 1024 * 1024;

/// At least `blocks` Argon2 blocks, reused across hashes by the thread that owns it.
pub struct ArgonMemory {
    inner: Inner,
}

enum Inner {
    #[cfg(target_os = "linux")]
    Mapped(mapped::Mapping),
    Heap(Vec<Block>),
}

impl ArgonMemory {
    pub fn new(blocks: usize) -> ArgonMemory {
        #[cfg(target_os = "linux")]
        if let Some(mapping) = mapped::Mapping::new(blocks) {
            return ArgonMemory {
                inner: Inner::Mapped(mapping),
            };
        }
        ArgonMemory {
            inner: Inner::Heap(vec![Block::new(); blocks]),
        }
    }

    pub fn blocks(&mut self) -> &mut [Block] {
        match &mut self.inner {
            #[cfg(target_os = "linux")]
            Inner::Mapped(mapping) => mapping.blocks(),
            Inner::Heap(blocks) => blocks,
        }
    }

    /// How many blocks it holds (never zero for a real Argon2 cost).
    pub fn block_count(&self) -> usize {
        match &self.inner {
            #[cfg(target_os = "linux")]
            Inner::Mapped(mapping) => mapping.len(),
            Inner::Heap(blocks) => blocks.len(),
        }
    }

    /// Whether the memory is the huge-page mapping rather than the `Vec` fallback.
    pub fn is_mapped(&self) -> bool {
        match &self.inner {
            #[cfg(target_os = "linux")]
            Inner::Mapped(_) => true,
            Inner::Heap(_) => false,
        }
    }
}

/// Where Linux says whether it gives out transparent huge pages.
pub const HUGE_PAGE_SETTING: &str = "/sys/kernel/mm/transparent_hugepage/enabled";

/// The kernel's transparent huge page mode (`always`, `madvise` or `never`: the bracketed word of
/// [`HUGE_PAGE_SETTING`]); `None` where the kernel has no such setting. With `never` every
/// login faults Argon2's memory in 4 KiB pages.
pub fn huge_page_mode() -> Option<String> {
    let text = std::fs::read_to_string(HUGE_PAGE_SETTING).ok()?;
    let (_, rest) = text.split_once('[')?;
    let (mode, _) = rest.split_once(']')?;
    Some(mode.to_string())
}

#[cfg(target_os = "linux")]
mod mapped {
    use std::ffi::c_void;
    use std::num::NonZeroUsize;
    use std::ptr::NonNull;

    use argon2::Block;
    use nix::sys::mman::{MapFlags, MmapAdvise, ProtFlags, madvise, mmap_anonymous, munmap};

    use super::HUGE_PAGE;

    /// A private anonymous mapping with one extra huge page of room, so that the blocks can
    /// start on a 2 MiB boundary.
    pub struct Mapping {
        map: NonNull<c_void>,
        map_len: usize,
        start: NonNull<Block>,
        blocks: usize,
    }

    impl Mapping {
        pub fn new(blocks: usize) -> Option<Mapping> {
            let bytes = blocks.checked_mul(size_of::<Block>())?;
            let map_len = bytes.checked_add(HUGE_PAGE)?;
            // Only whole huge pages are advised: a last one only partly used would cost up to
            // 2 MiB more resident memory than Argon2 asked for. The tail gets 4 KiB pages.
            let huge = bytes / HUGE_PAGE * HUGE_PAGE;
            // SAFETY: a new private anonymous mapping, shared with nothing; unmapped in `drop`.
            let map = unsafe {
                mmap_anonymous(
                    None,
                    NonZeroUsize::new(map_len)?,
                    ProtFlags::PROT_READ | ProtFlags::PROT_WRITE,
                    MapFlags::MAP_PRIVATE | MapFlags::MAP_NORESERVE,
                )
            }
            .ok()?;
            let base = map.as_ptr() as usize;
            let offset = base.next_multiple_of(HUGE_PAGE) - base;
            if huge > 0 {
                // SAFETY: `offset < HUGE_PAGE` and `offset + huge <= map_len`, so the range is
                // inside the mapping; the advice changes how pages are backed, not their content.
                // Refused advice (THP off) leaves 4 KiB pages: as slow as a Vec, still correct.
                let _ = unsafe {
                    madvise(
                        NonNull::new(map.as_ptr().cast::<u8>().add(offset).cast())?,
                        huge,
                        MmapAdvise::MADV_HUGEPAGE,
                    )
                };
            }
            // SAFETY: inside the mapping (see above), and 2 MiB-aligned, so aligned for Block.
            let start = unsafe { map.as_ptr().cast::<u8>().add(offset).cast::<Block>() };
            Some(Mapping {
                map,
                map_len,
                start: NonNull::new(start)?,
                blocks,
            })
        }

        pub fn len(&self) -> usize {
            self.blocks
        }

        pub fn blocks(&mut self) -> &mut [Block] {
            // SAFETY: `blocks` Blocks fit in the mapping from `start`; anonymous memory is
            // zero-filled and all-zero bytes are a valid Block ([u64; 128]); `&mut self` makes
            // the borrow unique.
            unsafe { std::slice::from_raw_parts_mut(self.start.as_ptr(), self.blocks) }
        }
    }

    impl Drop for Mapping {
        fn drop(&mut self) {
            // SAFETY: the mapping made in `new`, unmapped once; no borrow of it outlives `self`.
            let _ = unsafe { munmap(self.map, self.map_len) };
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn memory_is_zeroed_sized_and_writable() {
        let mut memory = ArgonMemory::new(3000);
        #[cfg(target_os = "linux")]
        assert!(memory.is_mapped());
        let blocks = memory.blocks();
        assert_eq!(blocks.len(), 3000);
        assert_eq!(blocks.as_ptr() as usize % 64, 0);
        assert!(blocks.iter().all(|b| b.as_ref().iter().all(|w| *w == 0)));
        blocks[2999].as_mut()[127] = 7;
        assert_eq!(memory.blocks()[2999].as_ref()[127], 7);
    }
}
