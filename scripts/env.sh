# Sourced by the scripts: tool versions and PATH. The wasm-bindgen version is read from
# Cargo.lock, so the CLI always matches the library exactly.
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PWD/tools/node_modules/.bin:$PATH"
TRUNK_VERSION=0.22.1
WASM_OPT_VERSION=version_132
WASM_BINDGEN_VERSION=$(awk '$0 == "name = \"wasm-bindgen\"" { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
export TRUNK_VERSION WASM_OPT_VERSION WASM_BINDGEN_VERSION
