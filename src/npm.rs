//! What a `no_std` cdylib must provide itself: the panic handler and the global allocator.
//!
//! Only the npm package's build has them (`--no-default-features --features npm`): with `std`
//! linked, `std` provides both. The client's code has no reachable panics by design (clippy
//! denies `unwrap`, indexing…); what remains are the library's impossible cases (a `RefCell`
//! borrowed twice, an allocation failure). Trapping there, without formatting a message, is
//! what keeps most of `core::fmt` out of the wasm: the JS caller gets `RuntimeError: unreachable`.

use lol_alloc::{FreeListAllocator, LockedAllocator};

/// A small free-list allocator (about a tenth of dlmalloc's code). The spin lock is never
/// contended: wasm32 without the atomics feature runs on one thread.
#[global_allocator]
static ALLOCATOR: LockedAllocator<FreeListAllocator> =
    LockedAllocator::new(FreeListAllocator::new());

/// Traps: a panic in wasm cannot be recovered from anyway.
#[panic_handler]
fn panic(_info: &::core::panic::PanicInfo) -> ! {
    ::core::arch::wasm32::unreachable()
}
