#!/usr/bin/env bash
# Builds the site (target/site: pkg/caseroom.js, pkg/caseroom_bg.wasm, pkg/caseroom.css, public
# files) and the server. `release` (default) leaves the server at target/release/caseroom;
# `debug` at target/debug/caseroom (what the tests use). The wasm is always size-optimised.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/tools.env
mode="${1:-release}"
site=target/site
pkg="$site/pkg"

cargo build --lib --target wasm32-unknown-unknown --no-default-features --features hydrate --profile wasm-release
mkdir -p "$pkg"
wasm-bindgen --target web --no-typescript --out-dir "$pkg" --out-name caseroom \
  target/wasm32-unknown-unknown/wasm-release/caseroom.wasm
"$WASM_OPT" -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-reference-types --enable-mutable-globals --enable-multivalue \
  "$pkg/caseroom_bg.wasm" -o "$pkg/caseroom_bg.wasm"
cat style/*.css > "$pkg/caseroom.css"
cp -r public/. "$site/"
# Served as they are to browsers that accept gzip: best compression once, no work per request.
assets=("$pkg"/caseroom.js "$pkg"/caseroom_bg.wasm "$pkg"/caseroom.css)
if [[ -f "$ZOPFLI_DIR/node_modules/@gfx/zopfli/package.json" ]]; then
  NODE_PATH="$ZOPFLI_DIR/node_modules" node scripts/gzip-assets.cjs "${assets[@]}"
else
  echo "build: zopfli is not installed (scripts/setup.sh installs it); using gzip -9" >&2
  for f in "${assets[@]}"; do gzip -9 -k -f "$f"; done
fi

if [[ "$mode" == "release" ]]; then
  cargo build --release --features ssr --bin caseroom
else
  cargo build --features ssr --bin caseroom
fi
