#!/usr/bin/env bash
# The README's main command. Where a display exists it opens the desktop
# preview (cmd/preview) on the showcase page, installing the preview's
# system packages first; where none does it renders the page headlessly
# to showcase.png in the repository root and says where it went.
#
# Go modules come through the go command; -mod=mod lets the preview module
# record checksums of modules the root module added since its go.sum was
# last tidied.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v go >/dev/null || { echo "main.sh: go is required" >&2; exit 1; }
# An optional first argument names what to open (a page, a page directory
# or an app root, as cmd/render takes them); flags after it go to the
# preview (or to render when there is no display).
page=testdata/pages/showcase
if [[ $# -gt 0 && "$1" != -* ]]; then
	page=$1
	shift
fi
[[ -e "$page" || -e "$page.wxml" ]] || { echo "main.sh: $page: no such page or app" >&2; exit 2; }
abs=$(cd "$(dirname "$page")" && pwd)/$(basename "$page")
if [[ -n "${DISPLAY:-}" ]]; then
	bash scripts/preview-deps.sh
	bin="${XDG_CACHE_HOME:-$HOME/.cache}/skyline-go/preview"
	mkdir -p "$(dirname "$bin")"
	echo "main.sh: building the preview (the first build compiles ebiten and GLFW: a few minutes on a fresh machine)…"
	(cd cmd/preview && go build -mod=mod -o "$bin" .)
	echo "main.sh: opening the preview on $page (keys: ? key list, F frame times, C console, I inspector, D dark, S screenshot, 1/2/3 devices, R reload, Q quit)"
	exec "$bin" "$@" "$abs"
fi
out="$PWD/$(basename "$page").png"
go run ./cmd/render "$@" -o "$out" "$abs"
echo "main.sh: no display (DISPLAY is unset), so $page was rendered headlessly to $out"
