#!/usr/bin/env bash
# Runs every test of the project on a fresh machine. The root module needs
# only Go (modules come through the go command); the preview module's tests
# install their system packages themselves (scripts/preview-test.sh), as the
# sample hosts do (scripts/hosts.sh: gcc, python3).
set -euo pipefail
cd "$(dirname "$0")/.."
command -v go >/dev/null || { echo "go is required (https://go.dev/dl)"; exit 1; }
go build ./...
go vet ./...
test -z "$(gofmt -l $(git ls-files '*.go' 2>/dev/null || find . -name '*.go'))" || { echo "gofmt would change:"; gofmt -l .; exit 1; }
# The layout conformance count (the fixtures' pass line is hidden by go test
# when the package passes), then every test of the root module.
echo "layout conformance against ../shared/conformance/yoga (or \$LAYOUT_FIXTURES):"
go test -count=1 -run 'TestConformance$' -v ./layout | grep -E '^[0-9]+ passed, [0-9]+ failed' || true
go test -count=1 ./...
# The sample hosts in C and Python (they install gcc/python3 when missing,
# or skip saying why), then the embedding API under the race detector, its
# cgo tests included (-race needs cgo, hence a C compiler).
bash scripts/hosts.sh
if [[ $(go env CGO_ENABLED) == 1 ]]; then
	go test -count=1 -race ./host ./cmd/host ./cmd/skylinecapi
else
	echo "the embedding tests under -race: SKIPPED: cgo is disabled (no C compiler?)"
fi
bash scripts/preview-test.sh
