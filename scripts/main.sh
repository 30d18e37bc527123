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
page=testdata/pages/showcase
if [[ -n "${DISPLAY:-}" ]]; then
	bash scripts/preview-deps.sh
	echo "main.sh: opening the preview on $page (keys: F frame times, C console, I inspector, D dark, S screenshot, 1/2/3 devices, R reload, Q quit)"
	cd cmd/preview
	exec go run -mod=mod . "../../$page"
fi
out="$PWD/showcase.png"
go run ./cmd/render -o "$out" "$page"
echo "main.sh: no display (DISPLAY is unset), so the showcase page was rendered headlessly to $out"
