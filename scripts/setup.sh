#!/usr/bin/env bash
# Installs what building (and, with --for-tests, testing) Caseroom needs, skipping whatever is
# already present. Nothing here downloads a binary from the web: every tool comes from crates.io,
# npm or Debian (docs/DECISIONS.md, "Own build step, not cargo-leptos").
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/tools.env

for_tests=false
[[ "${1:-}" == "--for-tests" ]] && for_tests=true

say() { printf '[setup] %s\n' "$*"; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# wasm-bindgen's CLI must equal the wasm-bindgen crate in Cargo.lock. Its published lockfile pins
# a webpki-roots the registry here lacks, so it is built from its source with one pin moved.
if [[ "$(wasm-bindgen --version 2>/dev/null || true)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]]; then
  say "building wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 6 CPU-minutes, once)"
  if ! cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --locked 2>/dev/null; then
    src=$(ls -d "$HOME"/.cargo/registry/src/*/wasm-bindgen-cli-"$WASM_BINDGEN_VERSION" 2>/dev/null | head -1 || true)
    if [[ -z "$src" ]]; then
      cargo info "wasm-bindgen-cli@$WASM_BINDGEN_VERSION" >/dev/null
      src=$(ls -d "$HOME"/.cargo/registry/src/*/wasm-bindgen-cli-"$WASM_BINDGEN_VERSION" | head -1)
    fi
    work=$(mktemp -d)
    cp -r "$src" "$work/cli"
    (cd "$work/cli" && cargo update -p webpki-roots --precise 1.0.10 && cargo install --path . --locked)
    rm -rf "$work"
  fi
fi

# wasm-opt from npm's binaryen (Debian's version 108 produces wasm that fails to hydrate).
if ! "$WASM_OPT" --version >/dev/null 2>&1; then
  say "installing binaryen $BINARYEN_VERSION from npm into $TOOLS_DIR"
  mkdir -p "$TOOLS_DIR/binaryen"
  (cd "$TOOLS_DIR/binaryen" && npm install --no-audit --no-fund --silent "binaryen@$BINARYEN_VERSION")
fi

# zopfli from npm, to pre-compress the browser assets about 5% smaller than gzip -9.
if [[ ! -f "$ZOPFLI_DIR/node_modules/@gfx/zopfli/package.json" ]]; then
  say "installing @gfx/zopfli $ZOPFLI_VERSION from npm into $TOOLS_DIR"
  mkdir -p "$ZOPFLI_DIR"
  (cd "$ZOPFLI_DIR" && npm install --no-audit --no-fund --silent "@gfx/zopfli@$ZOPFLI_VERSION")
fi

if $for_tests; then
  if ! command -v chromium >/dev/null 2>&1; then
    say "installing Debian's chromium"
    apt-get -o DPkg::Lock::Timeout=900 update -qq
    DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=900 install -y -qq chromium >/dev/null
  fi
  if [[ ! -d end2end/node_modules/@playwright/test ]] || [[ end2end/package-lock.json -nt end2end/node_modules/.package-lock.json ]]; then
    say "installing end2end npm packages"
    (cd end2end && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --silent)
  fi
fi
