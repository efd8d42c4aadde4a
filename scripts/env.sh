# Sourced by the scripts: tool versions and PATH. The wasm-bindgen version is read from
# Cargo.lock, so the CLI always matches the library exactly.
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PWD/tools/node_modules/.bin:$PATH"
TRUNK_VERSION=0.22.1
WASM_OPT_VERSION=version_132
WASM_BINDGEN_VERSION=$(awk '$0 == "name = \"wasm-bindgen\"" { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
export TRUNK_VERSION WASM_OPT_VERSION WASM_BINDGEN_VERSION

# The page's release build (Trunk's, the benchmark's Yew floor, the size profile) compiles the
# standard library again, for the page's target features and at its size setting, and turns a
# panic into a plain trap (`-Cpanic=immediate-abort`): the panic machinery and the text
# formatting it drags in leave the Wasm (13.3 KB brotli of a first visit, README's cut table).
# Both are unstable options of the pinned stable compiler, opened by RUSTC_BOOTSTRAP (as the
# Linux kernel builds its Rust); a newer compiler that renamed them fails this build loudly,
# never silently bigger. Tests keep the ordinary build, so a failing test still prints its
# panic's message. Cargo joins these rustflags after .cargo/config.toml's, which stay the one
# list of features.
page_build_env() {
  export RUSTC_BOOTSTRAP=1
  export CARGO_UNSTABLE_BUILD_STD=std,panic_abort
  export CARGO_UNSTABLE_BUILD_STD_FEATURES=optimize_for_size
  export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort"
  # Its own directory: the tests' Wasm builds, with the ordinary std, keep theirs.
  export CARGO_TARGET_DIR="$PWD/target/page"
}
