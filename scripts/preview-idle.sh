#!/usr/bin/env bash
# Idle CPU of the desktop preview: the CPU time (utime + stime from /proc)
# a preview window spends over 10 s after a 6 s load, under Xvfb, in the
# on-demand mode (the default) and in the steady 60 Hz loop
# (SKYLINE_PREVIEW_STEADY=1), alternated ROUNDS times (default 2).
#
#   bash scripts/preview-idle.sh [PAGE] [ROUNDS]
set -euo pipefail
cd "$(dirname "$0")/.."
page=$(cd "$(dirname "${1:-testdata/pages/showcase}")" && pwd)/$(basename "${1:-testdata/pages/showcase}")
rounds=${2:-2}
command -v Xvfb >/dev/null || { echo "preview-idle: Xvfb is required" >&2; exit 1; }
bin=$(mktemp -d)/preview
(cd cmd/preview && go build -mod=mod -o "$bin" .)
Xvfb :91 -screen 0 1280x1024x24 >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null || true' EXIT
sleep 1
clk=$(getconf CLK_TCK)
measure() { # $1: mode label, then env assignments
	local label=$1
	shift
	env DISPLAY=:91 "$@" "$bin" "$page" >/dev/null 2>&1 &
	local pid=$!
	sleep 6
	local a b
	a=$(awk '{print $14+$15}' "/proc/$pid/stat")
	sleep 10
	b=$(awk '{print $14+$15}' "/proc/$pid/stat")
	kill "$pid"
	wait "$pid" 2>/dev/null || true
	awk -v l="$label" -v t=$((b - a)) -v c="$clk" 'BEGIN { printf "%-10s %6.2f %% of a core over 10 s\n", l, t * 100 / c / 10 }'
}
for ((i = 1; i <= rounds; i++)); do
	measure on-demand SKYLINE_PREVIEW_IDLE=1
	measure steady SKYLINE_PREVIEW_STEADY=1
done
