#!/usr/bin/env bash
# Runs the preview module's tests (cmd/preview is its own module, so the
# root's go test ./... does not reach it). The window tests need a display:
# without DISPLAY they run under Xvfb when xvfb-run exists, and are skipped
# with a message otherwise. Installs the preview's system packages first.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/preview-deps.sh
cd cmd/preview
# -mod=mod: see main.sh (checksums of modules the root added since).
go vet -mod=mod ./...
go vet -mod=mod -tags display .
if [[ -z "${DISPLAY:-}" ]] && command -v xvfb-run >/dev/null; then
	xvfb-run -a -s "-screen 0 1280x1400x24" go test -mod=mod -count=1 ./...
else
	go test -mod=mod -count=1 ./...
fi
