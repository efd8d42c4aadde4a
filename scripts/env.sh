# Sourced by the scripts: tool versions, PATH, and which release build the page gets. The
# wasm-bindgen version is read from Cargo.lock, so the CLI always matches the library exactly.
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PWD/tools/node_modules/.bin:$PATH"
TRUNK_VERSION=0.22.1
WASM_OPT_VERSION=version_132
# Firefox's WebDriver, for the engine tests (tests/engines/).
GECKODRIVER_VERSION=0.37.1
WASM_BINDGEN_VERSION=$(awk '$0 == "name = \"wasm-bindgen\"" { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
export TRUNK_VERSION WASM_OPT_VERSION WASM_BINDGEN_VERSION

# The page's two release builds.
#
# - The size build (the default where it is proven): compiles the standard library again, for
#   the page's target features and at its size setting, and turns a panic into a plain trap
#   (`-Cpanic=immediate-abort`): the panic machinery and the text formatting it drags in leave
#   the Wasm (13 KB brotli of a first visit, docs/SIZE-LOG.md). Both are unstable options of the
#   stable compiler, opened by RUSTC_BOOTSTRAP (as the Linux kernel builds its Rust). Upstream
#   has renamed such options before, so the size build is tied to the compiler it was proven on.
# - The ordinary release build: the same page, the prebuilt standard library, panics with their
#   messages. It is what every other compiler gets, and what the size build falls back to when
#   it fails: a deployer is never stopped because an unstable option moved.
#
# Tests keep the ordinary (debug) build, so a failing test prints its panic's message.
SIZE_BUILD_RUSTC=${MINSHENG_SIZE_BUILD_RUSTC:-1.95.0}
# Overridden only to simulate a compiler that renamed the options (scripts/test does).
SIZE_BUILD_RUSTFLAGS=${MINSHENG_SIZE_RUSTFLAGS:--Zunstable-options -Cpanic=immediate-abort -Zfmt-debug=none -Zlocation-detail=none}
# Where the release build goes (scripts/test builds the ordinary one beside it).
DIST=${MINSHENG_DIST:-dist}
# What the last release build into $DIST was: read by the size test and the benchmark.
PAGE_BUILD_RECORD="target/page-build-$(echo "$DIST" | tr / _).json"

# Which build scripts/build last made into $DIST (`size` or `ordinary`), from its record.
recorded_page_build() {
  node -p 'JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")).build' "$PAGE_BUILD_RECORD"
}

rustc_version() { rustc --version | awk '{ print $2 }'; }
std_source() { echo "$(rustc --print sysroot)/lib/rustlib/src/rust/library"; }

# Which build to make: prints `size` or `ordinary`; why, when not the size build, on stderr.
# MINSHENG_PAGE_BUILD=ordinary or =size overrides the choice.
page_build_choice() {
  case "${MINSHENG_PAGE_BUILD:-auto}" in
    ordinary) echo "MINSHENG_PAGE_BUILD=ordinary was asked for" >&2; echo ordinary ;;
    size) echo size ;;
    auto)
      if [ "$(rustc_version)" != "$SIZE_BUILD_RUSTC" ]; then
        echo "the size build's unstable options were proven on rustc $SIZE_BUILD_RUSTC, and this is rustc $(rustc_version)" >&2
        echo ordinary
      elif [ ! -f "$(std_source)/Cargo.lock" ]; then
        echo "the standard library's source (rustup component rust-src) is not installed" >&2
        echo ordinary
      else
        echo size
      fi ;;
    *) echo "MINSHENG_PAGE_BUILD must be size, ordinary or unset, not '$MINSHENG_PAGE_BUILD'" >&2; return 1 ;;
  esac
}

# The environment of one build: `page_build_env size` or `page_build_env ordinary`.
page_build_env() {
  if [ "${1:-size}" = size ]; then
    export RUSTC_BOOTSTRAP=1
    export CARGO_UNSTABLE_BUILD_STD=std,panic_abort
    export CARGO_UNSTABLE_BUILD_STD_FEATURES=optimize_for_size
    # Cargo joins these after .cargo/config.toml's rustflags, which stay the one list of features.
    export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="$SIZE_BUILD_RUSTFLAGS"
    # Its own directory: the tests' Wasm builds, with the ordinary std, keep theirs.
    export CARGO_TARGET_DIR="$PWD/target/page"
  else
    unset RUSTC_BOOTSTRAP CARGO_UNSTABLE_BUILD_STD CARGO_UNSTABLE_BUILD_STD_FEATURES CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS
    export CARGO_TARGET_DIR="$PWD/target"
  fi
}

# Runs a command that builds the page in a subshell under the chosen build; if the size build
# fails, says so loudly and runs it again as the ordinary build. Sets PAGE_BUILD (size or
# ordinary) and PAGE_BUILD_WHY (empty for the size build).
with_page_build() {
  local why note
  note=$(mktemp)
  PAGE_BUILD=$(page_build_choice 2>"$note") || { cat "$note" >&2; rm -f "$note"; return 1; }
  why=$(cat "$note"); rm -f "$note"
  if [ "$PAGE_BUILD" = size ]; then
    if ( page_build_env size && "$@" ); then PAGE_BUILD_WHY=""; return 0; fi
    why="the size build failed on rustc $(rustc_version) (its error is above)"
    PAGE_BUILD=ordinary
  fi
  PAGE_BUILD_WHY=$why
  page_build_banner
  ( page_build_env ordinary && "$@" )
}

page_build_banner() {
  if [ "$PAGE_BUILD" = size ]; then
    echo "page build: the size build (rustc $(rustc_version), standard library compiled again, panics a trap)"
  else
    cat <<MSG >&2

page build: ********************************************************************************
page build: THE ORDINARY RELEASE BUILD, not the size build: $PAGE_BUILD_WHY.
page build: The page works the same; its first visit is about 13 KB larger (make bench measures it).
page build: ********************************************************************************

MSG
  fi
}
