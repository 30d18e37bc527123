#!/usr/bin/env bash
# Regenerates testdata/oracle/*.layout.json: the layout dumps of every test
# page from the reference renderer (headless Chromium under Skyline's
# defaults, ../shared/tools/page-oracle). Not part of the test run: the dumps
# are committed, and engine/oracle_test.go compares our layout with them.
# Needs Debian's chromium and Node; installs them when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
oracle_src=${ORACLE:-$root/../shared/tools/page-oracle}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
command -v chromium >/dev/null || { apt-get update -qq && apt-get install -y -qq chromium fonts-roboto fonts-droid-fallback; }
cp -r "$oracle_src" "$work/oracle"
(cd "$work/oracle" && npm install --silent >/dev/null)
pages=()
for d in testdata/pages/*/; do
  [ -f "$d/index.wxml" ] && pages+=("$root/$d")
done
pages+=("$root/testdata/pages/package/pages/order")
(cd "$work/oracle" && node render.js --out "$work/light" "${pages[@]}" >/dev/null)
(cd "$work/oracle" && node render.js --dark --out "$work/dark" "$root/testdata/pages/dark-mode" "$root/testdata/pages/showcase" >/dev/null)
cp "$work"/light/*.layout.json testdata/oracle/
for f in "$work"/dark/*.layout.json; do
  cp "$f" "testdata/oracle/$(basename "$f" .layout.json)-dark.layout.json"
done
ls testdata/oracle
