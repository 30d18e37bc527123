#!/usr/bin/env bash
# Runs every benchmark that BENCHMARKS.md quotes and prints its tables.
#
#   bash scripts/bench.sh [--quick] [--rounds N] [--out DIR] [GROUP ...]
#
# GROUPs (default: all, in this order): layout firstframe render foundation
# text paint scroll logic. --quick: 2 rounds of short runs (a smoke test;
# its figures are not worth quoting). --list prints the groups.
#
# Each group is run once per round, for N rounds (default 5). A group with an
# anchor (yoga-layout WASM on Node for the layout trees, headless Chromium for
# the first frame and the cold page render) runs ours and the anchor back to
# back (the layout group one tree at a time, so each tree's two figures are
# taken seconds apart), in the order ours-anchor in odd rounds and
# anchor-ours in even ones (ABBA), so a machine that speeds up or slows down
# during the run weighs on both sides alike. Every figure in the table is the median over the rounds
# (min–max beside it); a ratio is ours' median over the anchor's median, and
# "per round" is the range of the round-by-round ratios. Go figures come from
# `go test -bench` (ns/op, B/op, allocs/op and the benchmarks' own metrics),
# one run per round: a round's figure is Go's mean over that run's b.N.
#
# Raw results (every parsed figure, every command's output) go to DIR
# (default out/bench/DATE); the tables are printed and written to
# DIR/table.md. The script installs what the selected groups need (Node and
# Chromium through apt, yoga-layout and puppeteer-core through npm; no
# browser download: puppeteer-core drives Debian's chromium).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

ALL_GROUPS=(layout firstframe render foundation text paint scroll logic)
ROUNDS=""
QUICK=0
OUT=""
SELECTED=()
while [ $# -gt 0 ]; do
	case $1 in
	--quick) QUICK=1 ;;
	--rounds)
		ROUNDS=${2:?--rounds needs a number}
		shift
		;;
	--out)
		OUT=${2:?--out needs a directory}
		shift
		;;
	--list)
		echo "${ALL_GROUPS[*]}"
		exit 0
		;;
	-h | --help)
		sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'
		exit 0
		;;
	-*)
		echo "bench.sh: unknown option $1" >&2
		exit 2
		;;
	*)
		ok=0
		for g in "${ALL_GROUPS[@]}"; do [ "$g" = "$1" ] && ok=1; done
		if [ $ok = 0 ]; then
			echo "bench.sh: unknown group $1 (groups: ${ALL_GROUPS[*]})" >&2
			exit 2
		fi
		SELECTED+=("$1")
		;;
	esac
	shift
done
[ ${#SELECTED[@]} -gt 0 ] || SELECTED=("${ALL_GROUPS[@]}")
# Keep the canonical order whatever the command line's.
GROUPS_RUN=()
for g in "${ALL_GROUPS[@]}"; do
	for s in "${SELECTED[@]}"; do [ "$g" = "$s" ] && GROUPS_RUN+=("$g") && break; done
done
selected() {
	local g
	for g in "${GROUPS_RUN[@]}"; do [ "$g" = "$1" ] && return 0; done
	return 1
}

# Run lengths. Go's -benchtime is per benchmark; with Nx a fling benchmark
# times N frames (its p99 is then the N/100-th slowest frame).
if [ $QUICK = 1 ]; then
	ROUNDS=${ROUNDS:-2}
	BT=30ms        # most Go benchmarks
	BT_FRAMES=60x  # fling frames
	YOGA_MS=30     # yoga: timed ms per tree (after as long a warm-up)
	FEED_RUNS=3    # chromium feed: tabs per round (the first is dropped)
	RENDER_PAIRS=1 # cold renders per round, each side
else
	ROUNDS=${ROUNDS:-5}
	BT=200ms
	BT_FRAMES=300x
	YOGA_MS=300
	FEED_RUNS=6
	RENDER_PAIRS=2
fi
case $ROUNDS in '' | *[!0-9]* | 0)
	echo "bench.sh: --rounds wants a positive number" >&2
	exit 2
	;;
esac

OUT=${OUT:-out/bench/$(date -u +%Y%m%d-%H%M%S)}
mkdir -p "$OUT/logs"
OUT=$(cd "$OUT" && pwd)
RAW=$OUT/raw.tsv # round, seq, group, side, key, unit, value
: >"$RAW"
: >"$OUT/commands.tsv" # group, side, name, command
: >"$OUT/meta.tsv"     # key, value
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

log() { echo "bench.sh: $*" >&2; }
meta() { printf '%s\t%s\n' "$1" "$2" >>"$OUT/meta.tsv"; }

# ---------------------------------------------------------------- installs

need_apt=()
command -v node >/dev/null || need_apt+=(nodejs npm)
command -v npm >/dev/null || need_apt+=(npm)
if selected firstframe || selected render; then
	command -v chromium >/dev/null || need_apt+=(chromium fonts-roboto fonts-droid-fallback)
fi
if [ ${#need_apt[@]} -gt 0 ]; then
	log "installing ${need_apt[*]} (apt)"
	apt-get update -qq >&2
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi
if selected layout && [ ! -f bench/yoga/node_modules/yoga-layout/package.json ]; then
	log "npm install in bench/yoga"
	(cd bench/yoga && npm install --no-audit --no-fund --loglevel=error) >&2
fi
if selected firstframe && [ ! -f bench/chromium/node_modules/puppeteer-core/package.json ]; then
	log "npm install in bench/chromium (puppeteer-core only: it downloads no browser)"
	(cd bench/chromium && PUPPETEER_SKIP_DOWNLOAD=1 npm install --no-audit --no-fund --loglevel=error) >&2
fi

CHROMIUM_FLAGS=(--headless --no-sandbox --disable-gpu --disable-quic --no-first-run
	--disable-background-networking --disable-component-update --disable-sync)
if selected render; then
	go build -o "$WORK/render" ./cmd/render >&2
	node bench/chromium/feed.mjs --html "$WORK/feed.html"
	mkdir -p "$WORK/chromium-profile"
fi

# ---------------------------------------------------------------- runners

ROUND=0
JOB=0 # numbers the jobs of a round (log names)

# parse GROUP SIDE TAG SEQ < output: Go benchmark lines to raw records.
parse() {
	awk -v round="$ROUND" -v seq="$4" -v group="$1" -v side="$2" -v tag="$3" '
	/^Benchmark/ && NF >= 4 {
		name = $1
		sub(/^Benchmark/, "", name)
		sub(/-[0-9]+$/, "", name)
		for (i = 3; i + 1 <= NF; i += 2)
			printf "%s\t%s\t%s\t%s\t%s:%s\t%s\t%s\n", round, seq, group, side, tag, name, $(i + 1), $i
	}' >>"$RAW"
}

# quote WORDS...: the words as a shell would need them typed.
quote() {
	local w out=()
	for w in "$@"; do
		case $w in
		*[!A-Za-z0-9_./=:,+@%-]*) out+=("'${w//\'/\'\\\'\'}'") ;;
		*) out+=("$w") ;;
		esac
	done
	echo "${out[*]}"
}

# command_note GROUP SIDE NAME WORDS...: note the command once (for the
# tables); one WORD is taken as already typed.
command_note() {
	local group=$1 side=$2 name=$3
	shift 3
	local line cmd=$1
	[ $# -gt 1 ] && cmd=$(quote "$@")
	line=$(printf '%s\t%s\t%s\t%s' "$group" "$side" "$name" "$cmd")
	grep -qxF "$line" "$OUT/commands.tsv" || echo "$line" >>"$OUT/commands.tsv"
}

# run_logged LOGNAME CMD...: run, keep the output (logs/rROUND-LOGNAME.txt),
# note the wall time in logs/jobs.tsv, fail loudly.
run_logged() {
	local logf=$OUT/logs/r$ROUND-$1.txt t0 t1
	shift
	t0=$(date +%s%N)
	if ! "$@" >"$logf" 2>&1; then
		log "FAILED (round $ROUND): $*"
		tail -n 30 "$logf" >&2
		exit 1
	fi
	t1=$(date +%s%N)
	printf '%s\t%s\t%s\n' "$ROUND" "$(((t1 - t0) / 1000000))" "$*" >>"$OUT/logs/jobs.tsv"
	cat "$logf"
}

# gobench GROUP SIDE TAG PKG REGEXP BENCHTIME [go test flags...]
gobench() {
	local group=$1 side=$2 tag=$3 pkg=$4 re=$5 bt=$6
	shift 6
	local cmd=(go test "$@" "$pkg" -run XXX -bench "$re" -benchmem -count=1 "-benchtime=$bt")
	command_note "$group" "$side" "$tag" "${cmd[@]}"
	log "round $ROUND/$ROUNDS: $(quote "${cmd[@]}")"
	JOB=$((JOB + 1))
	run_logged "$group-$JOB-$tag" "${cmd[@]}" | parse "$group" "$side" "$tag" 1
}

# anchorbench GROUP TAG CMD...: a command that prints Go benchmark lines.
anchorbench() {
	local group=$1 tag=$2
	shift 2
	command_note "$group" anchor "$tag" "$@"
	log "round $ROUND/$ROUNDS: $(quote "$@")"
	JOB=$((JOB + 1))
	run_logged "$group-$JOB-$tag" "$@" | parse "$group" anchor "$tag" 1
}

# pair OURS ANCHOR: run the two functions, ours first in odd rounds.
pair() {
	if [ $((ROUND % 2)) = 1 ]; then
		"$1"
		"$2"
	else
		"$2"
		"$1"
	fi
}

# timed SEQ GROUP SIDE TAG NAME CMD...: one whole-process run, wall time.
timed() {
	local seq=$1 group=$2 side=$3 tag=$4 name=$5
	shift 5
	local t0 t1 logf=$OUT/logs/r$ROUND-$group-$tag.$seq.txt
	t0=$(date +%s%N)
	if ! "$@" >"$logf" 2>&1; then
		log "FAILED (round $ROUND): $*"
		tail -n 30 "$logf" >&2
		exit 1
	fi
	t1=$(date +%s%N)
	printf 'Benchmark%s\t1\t%s ns/op\n' "$name" $((t1 - t0)) | parse "$group" "$side" "$tag" "$seq"
}

# ---------------------------------------------------------------- groups

# One pair per tree, so that each tree's two figures are taken seconds apart.
layout_ours() { gobench layout ours layout ./layout "$LAYOUT_GO" "$BT"; }
layout_yoga() { anchorbench layout yoga node bench/yoga/bench.mjs --bench --time "$YOGA_MS" --only "$LAYOUT_YOGA"; }
layout_pair() {
	LAYOUT_GO=$1 LAYOUT_YOGA=$2
	pair layout_ours layout_yoga
}
group_layout() {
	layout_pair '^BenchmarkDeep$/^1000$' '^Deep/1000$'
	layout_pair '^BenchmarkDeep$/^10000$' '^Deep/10000$'
	layout_pair '^BenchmarkDeep$/^100000$' '^Deep/100000$'
	layout_pair '^BenchmarkWide$/^1000$' '^Wide/1000$'
	layout_pair '^BenchmarkWide$/^10000$' '^Wide/10000$'
	layout_pair '^Benchmark(Clean|OneLeaf)RelayoutDeep10k$' 'RelayoutDeep10k$'
}

ff_ours() { gobench firstframe ours engine ./engine '^BenchmarkScrollFeedFirstFrame$' "$BT"; }
ff_chromium() { anchorbench firstframe chromium node bench/chromium/feed.mjs --bench --runs "$FEED_RUNS"; }
group_firstframe() { pair ff_ours ff_chromium; }

render_ours() {
	rm -f "$WORK/ours.png"
	timed "$SEQ" render ours render RenderCold "$WORK/render" -o "$WORK/ours.png" testdata/pages/scroll-feed
	[ -s "$WORK/ours.png" ] || { log "cmd/render wrote no PNG" && exit 1; }
}
render_chromium() {
	rm -f "$WORK/chromium.png"
	timed "$SEQ" render anchor chromium ChromiumScreenshot chromium "${CHROMIUM_FLAGS[@]}" \
		"--user-data-dir=$WORK/chromium-profile" --hide-scrollbars --window-size=375,667 \
		--force-device-scale-factor=2 "--screenshot=$WORK/chromium.png" "file://$WORK/feed.html"
	[ -s "$WORK/chromium.png" ] || { log "chromium wrote no screenshot" && exit 1; }
}
group_render() {
	command_note render ours render "go build -o render ./cmd/render && ./render -o ours.png testdata/pages/scroll-feed"
	command_note render anchor chromium "node bench/chromium/feed.mjs --html feed.html && chromium ${CHROMIUM_FLAGS[*]} --user-data-dir=PROFILE --hide-scrollbars --window-size=375,667 --force-device-scale-factor=2 --screenshot=chromium.png file://\$PWD/feed.html"
	log "round $ROUND/$ROUNDS: cold cmd/render vs chromium --screenshot, $RENDER_PAIRS each"
	for SEQ in $(seq 1 "$RENDER_PAIRS"); do
		pair render_ours render_chromium
	done
}

group_foundation() {
	gobench foundation ours engine ./engine '^Benchmark(LoadFeed1000|FullStyleFeed1000|ClassFlipFeed1000|SetDataFeedTitle)$' "$BT"
	gobench foundation ours expr ./engine/expr '^BenchmarkEvalPath$' "$BT"
	gobench foundation ours wxml ./engine/wxml '^BenchmarkParseFeed$' "$BT"
	gobench foundation ours style ./style '^Benchmark(FeedStyle|FeedStyleVars|ComputeInto10)$' "$BT"
}

group_text() { gobench text ours text ./layout/text '^Benchmark(Wrap1000|Shape1000)$' "$BT"; }

group_paint() {
	gobench paint ours raster ./engine/paint/raster '^Benchmark(SrcOverSpan|SrcOverSpanRows|OpaqueFill|RRectFill|ImageDrawOver|GlyphCached|GlyphUncached|GaussianBlur200|BilinearImage|BoxShadowCached)$' "$BT"
	gobench paint ours purego ./engine/paint/raster '^BenchmarkSrcOverSpanRows$' "$BT" -tags purego
	gobench paint ours engine ./engine '^Benchmark(Render|PaintBuild)$' "$BT"
}

group_scroll() {
	gobench scroll ours scroll ./scroll '^BenchmarkFlingFrame$' "$BT"
	gobench scroll ours scroll ./scroll '^BenchmarkHeapAfterScroll$' 1x
	gobench scroll ours engine ./engine '^Benchmark(ScrollFling|ScrollFlingCards)$' "$BT_FRAMES"
	gobench scroll ours engine ./engine '^BenchmarkScrollHeap$' 1x
	gobench scroll ours engine ./engine '^BenchmarkScrollSetDataVisible$' "$BT"
}

group_logic() {
	gobench logic ours app ./app '^Benchmark(TapRoundTrip|Open)$' "$BT"
	gobench logic ours logic ./logic '^Benchmark(EventToPatch|Coerce)$' "$BT"
}

# ---------------------------------------------------------------- run

meta started "$(date -u '+%Y-%m-%d %H:%M UTC')"
meta commit "$(git rev-parse --short HEAD 2>/dev/null || echo '?')$(git diff --quiet HEAD 2>/dev/null || echo ' (uncommitted changes)')"
meta machine "$(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')), $(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo), $(uname -sm)"
meta go "$(go version | awk '{print $3, $4}')"
meta node "$(node --version)"
if selected layout; then
	meta yoga "yoga-layout $(node -p 'require("./bench/yoga/node_modules/yoga-layout/package.json").version') (WASM)"
fi
if selected firstframe || selected render; then
	meta chromium "$(chromium --version 2>/dev/null | head -n 1)"
fi
meta rounds "$ROUNDS$([ $QUICK = 1 ] && echo ' (--quick)')"
meta groups "${GROUPS_RUN[*]}"
meta load_start "$(cut -d' ' -f1-3 /proc/loadavg)"
start=$(date +%s)

for ROUND in $(seq 1 "$ROUNDS"); do
	JOB=0
	for g in "${GROUPS_RUN[@]}"; do
		"group_$g"
	done
done

meta load_end "$(cut -d' ' -f1-3 /proc/loadavg)"
meta elapsed "$(($(date +%s) - start)) s"

node bench/report.mjs "$OUT" | tee "$OUT/table.md"
log "raw figures and logs in ${OUT#"$ROOT"/}"
