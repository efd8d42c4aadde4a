//! The web binary: mounts the Yew app. Natively it only says where the command line is.

/// talc's allocator for a WebAssembly page: the module's one thread, memory grown on demand.
/// Its constructor is `unsafe` only because two global allocators must never run at once;
/// this is the binary's only one. (The library itself forbids unsafe code.)
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: talc::TalckWasm = unsafe { talc::TalckWasm::new_global() };

#[cfg(target_arch = "wasm32")]
fn main() {
    minsheng_page::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("minsheng's page runs in the browser (see README.md); natively, use: cargo run --release --bin evaluate -- FILE");
}
