#!/usr/bin/env bash
# Builds the C ABI (libskyline.so + skyline.h) and cmd/host, then builds and
# runs the two sample hosts (examples/host-c, examples/host-python) on
# testdata/host-demo and checks what they got: the onGo handler call among
# the events, the swatch pixel turned red by their setData, the layout dump's
# changed class, and a non-empty frame file that differs from the page before
# the tap. Installs gcc and python3 through apt-get when they are missing and
# it can; otherwise it skips, saying why.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v gcc >/dev/null || need+=(gcc libc6-dev)
command -v python3 >/dev/null || need+=(python3)
if ((${#need[@]} > 0)) && command -v apt-get >/dev/null && [[ $(id -u) == 0 ]]; then
	echo "hosts: installing ${need[*]}" >&2
	DEBIAN_FRONTEND=noninteractive apt-get update -qq
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >&2
fi
if ! command -v gcc >/dev/null || ! command -v python3 >/dev/null; then
	echo "hosts: SKIPPED: the sample hosts need gcc and python3 (missing: $(command -v gcc >/dev/null || echo gcc) $(command -v python3 >/dev/null || echo python3)); run as root on Debian to install them"
	exit 0
fi
if [[ $(go env CGO_ENABLED) != 1 ]]; then
	echo "hosts: SKIPPED: cgo is disabled (go env CGO_ENABLED), so the C ABI cannot be built"
	exit 0
fi

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
page=testdata/host-demo
fail() { echo "hosts: FAIL: $*" >&2; exit 1; }

# The shared library; its generated header is libskyline.h, shipped as skyline.h.
go build -buildmode=c-shared -o "$out/libskyline.so" ./cmd/skylinecapi
mv "$out/libskyline.h" "$out/skyline.h"
go build -o "$out/skyline-host" ./cmd/host
# The page before any input, for the "the frame changed" checks.
go run ./cmd/render -dpr 1 -o "$out/before.png" "$page" 2>/dev/null

echo "hosts: C host (examples/host-c/main.c)"
gcc -Wall -Wextra -Werror -o "$out/host-c" examples/host-c/main.c -I"$out" -L"$out" -lskyline -Wl,-rpath,"$out"
"$out/host-c" "$page" "$out/c-frame.ppm" >"$out/c.out" || { cat "$out/c.out"; fail "host-c exited non-zero"; }
sed 's/^/  /' "$out/c.out" | cut -c1-160
grep -q '"handler":"onGo"' "$out/c.out" || fail "the C host got no onGo handler call"
grep -qx 'swatch before: 2050e0' "$out/c.out" || fail "the C host's first frame lacks the blue swatch"
grep -qx 'swatch after: e02020' "$out/c.out" || fail "the C host's frame after setData lacks the red swatch"
grep -qx 'layout has "swatch on": yes' "$out/c.out" || fail "the C host's layout dump lacks the changed class"
[[ -s $out/c-frame.ppm ]] || fail "the C host wrote no frame"
# The PPM itself: header "P6\n375 667\n255\n" (15 bytes), then RGB rows; the
# swatch pixel (100, 150) must be red.
[[ $(head -c 15 "$out/c-frame.ppm" | tr '\n' ' ') == "P6 375 667 255 " ]] || fail "c-frame.ppm: unexpected header"
px=$(od -An -tx1 -j $((15 + (150 * 375 + 100) * 3)) -N3 "$out/c-frame.ppm" | tr -d ' \n')
[[ $px == e02020 ]] || fail "c-frame.ppm: swatch pixel $px, want e02020"

echo "hosts: Python host (examples/host-python/host.py)"
python3 examples/host-python/host.py --host "$out/skyline-host" --page "$page" --out "$out/py-frame.png" >"$out/py.out" ||
	{ cat "$out/py.out"; fail "host.py exited non-zero"; }
sed 's/^/  /' "$out/py.out"
grep -q '^handler call: onGo (event tap' "$out/py.out" || fail "the Python host got no onGo handler call"
grep -qx 'malformed line: ok=False code=bad_request' "$out/py.out" || fail "a malformed line did not get a bad_request reply"
grep -qx 'swatch after: e02020' "$out/py.out" || fail "the Python host's frame after setData lacks the red swatch"
grep -qx 'layout has "swatch on": yes' "$out/py.out" || fail "the Python host's layout dump lacks the changed class"
[[ $(head -c 4 "$out/py-frame.png" | od -An -c | tr -d ' \n') == '211PNG' ]] || fail "py-frame.png is not a PNG"
cmp -s "$out/before.png" "$out/py-frame.png" && fail "py-frame.png equals the page before the tap"
echo "hosts: both sample hosts passed"
