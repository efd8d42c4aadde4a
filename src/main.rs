//! The web binary: mounts the Yew app. Natively it only says where the command line is.

#[cfg(target_arch = "wasm32")]
fn main() {
    minsheng::web::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("minsheng's page runs in the browser (see README.md); natively, use: cargo run --release --bin evaluate -- FILE");
}
