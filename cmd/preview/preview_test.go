//go:build display

// The window tests need a display: ebiten's init opens it, and panics
// without one, so they are behind the display build tag. internal/core's
// TestPreviewWindow runs them (go test -tags display) where DISPLAY is set
// and skips with a message where it is not; scripts/preview-test.sh gives
// them an Xvfb display when there is none.
//
// RunGame may run once per process, so every test runs the preview in a
// child process of this test binary (TestMain's helper mode) and checks
// what the child reports.

package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"hash/fnv"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/skyline-go/skyline/cmd/preview/internal/core"
	"github.com/skyline-go/skyline/diag"
)

const (
	helperEnv = "PREVIEW_TEST_HELPER" // scenario name
	argsEnv   = "PREVIEW_TEST_ARGS"   // command line, \x1f-separated
	reportEnv = "PREVIEW_TEST_REPORT" // where the child writes its snapshots
	shotEnv   = "PREVIEW_TEST_SHOT"   // where a scripted screenshot goes
)

func TestMain(m *testing.M) {
	if sc := os.Getenv(helperEnv); sc != "" {
		os.Exit(helper(sc))
	}
	os.Exit(m.Run())
}

// snap is what the child records after each scripted step.
type snap struct {
	Step     string
	Uploads  int
	Hash     uint64 // of the frame on screen
	GPUMatch bool   // the GPU image holds exactly that frame
	W, H     int    // the screen's device pixels
	Errors   []string
	Warnings int
	// The developer tools (devtools_test.go).
	ConsoleOpen  bool
	Frames       int
	Restyled     int
	ScriptNs     int64
	Inspected    string
	InspectLines []string
	Count        string
}

// step is one scripted action and the condition that shows its effect.
type step struct {
	name string
	act  func(g *game)
	done func(g *game) bool
}

// maxStepTicks bounds the wait for a step (about 10 s at 60 ticks/s).
const maxStepTicks = 600

func helper(scenario string) int {
	args := strings.Split(os.Getenv(argsEnv), "\x1f")
	if scenario == "run" {
		return run(args, os.Stdout, os.Stderr)
	}
	opts, err := core.ParseArgs(args, os.Stderr)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 2
	}
	g := newGame(opts, os.Stdout, os.Stderr)
	var steps []step
	switch scenario {
	case "toggle":
		steps = toggleSteps()
	case "reload":
		steps = reloadSteps(opts.Page)
	case "devtools":
		steps = devtoolsSteps(opts.Page)
	default:
		fmt.Fprintln(os.Stderr, "unknown scenario", scenario)
		return 2
	}
	var snaps []snap
	i, start := 0, -1
	g.hook = func(g *game) error {
		if i == len(steps) {
			g.quit = true
			return nil
		}
		s := steps[i]
		if start < 0 {
			if s.act != nil {
				s.act(g)
			}
			start = g.ticks
			return nil
		}
		if !s.done(g) {
			if g.ticks-start > maxStepTicks {
				return fmt.Errorf("step %q: timed out", s.name)
			}
			return nil
		}
		snaps = append(snaps, takeSnap(g, s.name))
		i, start = i+1, -1
		return nil
	}
	runErr := g.run()
	b, _ := json.Marshal(snaps)
	if err := os.WriteFile(os.Getenv(reportEnv), b, 0o644); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	if runErr != nil {
		fmt.Fprintln(os.Stderr, runErr)
		return 1
	}
	return 0
}

func takeSnap(g *game, name string) snap {
	s := snap{Step: name, Uploads: g.frames.Uploads}
	s.W, s.H = g.Layout(0, 0)
	if cur := g.frames.Current(); cur != nil {
		h := fnv.New64a()
		h.Write(cur.Pix)
		s.Hash = h.Sum64()
		gpu := make([]byte, len(cur.Pix))
		g.img.ReadPixels(gpu)
		s.GPUMatch = bytes.Equal(gpu, cur.Pix)
	}
	devtoolsSnap(g, &s)
	for _, m := range g.s.Messages() {
		if m.Severity == diag.Error {
			s.Errors = append(s.Errors, m.Text)
		} else {
			s.Warnings++
		}
	}
	return s
}

// after waits for one Update past the step's action: the action marks the
// page dirty and the next Update paints it.
func after(n int) func(g *game) bool {
	var seen = -1
	return func(g *game) bool {
		if seen < 0 {
			seen = g.ticks
		}
		return g.ticks-seen >= n
	}
}

func toggleSteps() []step {
	return []step{
		{name: "first", done: func(g *game) bool { return g.frames.Uploads >= 1 }},
		{name: "dark", act: (*game).toggleDark, done: after(1)},
		{name: "rerender", act: func(g *game) { g.dirty = true }, done: after(1)},
		{name: "reload", act: (*game).reload, done: after(1)},
		{name: "light", act: (*game).toggleDark, done: after(1)},
		{name: "iphonex", act: func(g *game) { g.setDevice(core.Devices[1]) }, done: after(1)},
		// A few frames later, what is on screen (no forced redraw).
		{name: "iphonex-shot", act: func(g *game) {}, done: after(3)},
		{name: "shot", act: func(g *game) { g.shotReq = os.Getenv(shotEnv) }, done: func(g *game) bool { return g.shotReq == "" }},
	}
}

func reloadSteps(dir string) []step {
	wxml := filepath.Join(dir, "index.wxml")
	var src []byte
	return []step{
		{name: "first", done: func(g *game) bool { return g.frames.Uploads >= 1 }},
		{name: "edited", act: func(g *game) {
			os.WriteFile(filepath.Join(dir, "index.wxss"), []byte(".box { height: 300px; background-color: #00ff00; }"), 0o644)
		}, done: func(g *game) bool { return g.frames.Uploads >= 2 }},
		{name: "broken", act: func(g *game) {
			src, _ = os.ReadFile(wxml)
			os.Remove(wxml)
		}, done: func(g *game) bool { return len(takeSnap(g, "").Errors) > 0 }},
		{name: "shot", act: func(g *game) {
			g.shotReq = filepath.Join(dir, "..", "broken.png")
		}, done: func(g *game) bool { return g.shotReq == "" }},
		{name: "fixed", act: func(g *game) {
			os.WriteFile(wxml, src, 0o644)
		}, done: func(g *game) bool { return len(takeSnap(g, "").Errors) == 0 }},
	}
}

// child runs the preview in a child process and returns its snapshots.
// A scripted screenshot is written to shot.png beside the returned report.
// wantFail expects the "run" scenario to exit with a non-zero status.
func child(t *testing.T, scenario string, wantFail bool, args ...string) (snaps []snap, dir, stdout, stderr string) {
	t.Helper()
	dir = t.TempDir()
	report := filepath.Join(dir, "report.json")
	cmd := exec.Command(os.Args[0])
	cmd.Env = append(os.Environ(), helperEnv+"="+scenario, argsEnv+"="+strings.Join(args, "\x1f"), reportEnv+"="+report,
		shotEnv+"="+filepath.Join(filepath.Dir(report), "shot.png"))
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	var exit *exec.ExitError
	if err != nil && !errors.As(err, &exit) {
		t.Fatal(err)
	}
	if err != nil && !(scenario == "run" && wantFail) {
		t.Fatalf("preview exited with %v\nstdout:\n%s\nstderr:\n%s", err, out.String(), errb.String())
	}
	if err == nil && wantFail {
		t.Fatalf("preview exited with status 0, want 1\nstderr:\n%s", errb.String())
	}
	if scenario != "run" {
		b, err := os.ReadFile(report)
		if err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(b, &snaps); err != nil {
			t.Fatal(err)
		}
	}
	return snaps, dir, out.String(), errb.String()
}

// testPage writes a page whose box height and colours tell the states
// apart: a 100px box, red in light mode and blue in dark mode.
func testPage(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "page")
	os.Mkdir(dir, 0o755)
	files := map[string]string{
		"index.wxml": `<view class="box">hello</view>`,
		"index.wxss": `.box { height: 100px; background-color: #ff0000; }
@media (prefers-color-scheme: dark) { page { background-color: #000000; } .box { background-color: #0000ff; } }`,
	}
	for name, src := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func readPNG(t *testing.T, path string) image.Image {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	return img
}

// inked is the share of r's pixels that differ from its most common colour.
func inked(img image.Image, r image.Rectangle) float64 {
	count := map[[4]uint32]int{}
	top := 0
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			cr, cg, cb, ca := img.At(x, y).RGBA()
			k := [4]uint32{cr, cg, cb, ca}
			count[k]++
			top = max(top, count[k])
		}
	}
	n := r.Dx() * r.Dy()
	return float64(n-top) / float64(n)
}

// colours counts the distinct colours of img, up to limit.
func colours(img image.Image, r image.Rectangle, limit int) int {
	seen := map[[4]uint32]bool{}
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			cr, cg, cb, ca := img.At(x, y).RGBA()
			seen[[4]uint32{cr, cg, cb, ca}] = true
			if len(seen) >= limit {
				return len(seen)
			}
		}
	}
	return len(seen)
}

// luma is the mean brightness (0…255) of img over r.
func luma(img image.Image, r image.Rectangle) float64 {
	var sum float64
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			cr, cg, cb, _ := img.At(x, y).RGBA()
			sum += (0.299*float64(cr) + 0.587*float64(cg) + 0.114*float64(cb)) / 257
		}
	}
	return sum / float64(r.Dx()*r.Dy())
}

func TestShotShowcase(t *testing.T) {
	out := filepath.Join(t.TempDir(), "showcase.png")
	_, _, stdout, _ := child(t, "run", false, "-device", "iphonex", "-shot", out, "../../testdata/pages/showcase")
	if !strings.Contains(stdout, "wrote "+out) {
		t.Errorf("stdout %q does not name the screenshot", stdout)
	}
	img := readPNG(t, out)
	if got := img.Bounds().Size(); got != image.Pt(1125, 2436) {
		t.Fatalf("screenshot is %v, want 1125×2436 (375×812 @3)", got)
	}
	// The page's top third (nav bar, profile, stats) draws over a good
	// share of its pixels; a blank frame is one colour.
	if share := inked(img, image.Rect(0, 0, 1125, 800)); share < 0.01 {
		t.Errorf("%.2f%% of the screenshot's top differs from its background: blank frame", 100*share)
	}
}

func TestShotOfBrokenPageShowsErrors(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "broken.png")
	_, _, _, stderr := child(t, "run", true, "-shot", out, filepath.Join(dir, "missing"))
	if !strings.Contains(stderr, "missing") {
		t.Errorf("stderr does not report the load error:\n%s", stderr)
	}
	img := readPNG(t, out)
	if got := img.Bounds().Size(); got != image.Pt(750, 1334) {
		t.Fatalf("screenshot is %v, want 750×1334", got)
	}
	// White backdrop above, the dark error panel at the bottom with text.
	top, bottom := image.Rect(0, 0, 750, 400), image.Rect(0, 1334-60, 750, 1334)
	if l := luma(img, top); l < 250 {
		t.Errorf("top luma %.0f, want the white backdrop", l)
	}
	if l := luma(img, bottom); l > 100 {
		t.Errorf("bottom luma %.0f, want the dark error panel", l)
	}
	if n := colours(img, bottom, 3); n < 3 {
		t.Errorf("error panel has %d colours: no text", n)
	}
}

func TestDarkToggleAndUploads(t *testing.T) {
	snaps, dir, _, _ := child(t, "toggle", false, testPage(t))
	byStep := map[string]snap{}
	for _, s := range snaps {
		byStep[s.Step] = s
	}
	want := []struct {
		step    string
		uploads int
		sameAs  string // the frame equals this step's
		diffTo  string // the frame differs from this step's
		w, h    int
	}{
		{"first", 1, "", "", 750, 1334},
		{"dark", 2, "", "first", 750, 1334},
		{"rerender", 2, "dark", "", 750, 1334}, // unchanged frame: no upload
		{"reload", 2, "dark", "", 750, 1334},   // same files: no upload
		{"light", 3, "first", "dark", 750, 1334},
		{"iphonex", 4, "", "light", 1125, 2436},
		{"iphonex-shot", 4, "iphonex", "", 1125, 2436},
		{"shot", 4, "iphonex", "", 1125, 2436},
	}
	if len(snaps) != len(want) {
		t.Fatalf("child recorded %d steps, want %d: %+v", len(snaps), len(want), snaps)
	}
	for _, w := range want {
		s := byStep[w.step]
		if s.Uploads != w.uploads {
			t.Errorf("%s: %d uploads, want %d", w.step, s.Uploads, w.uploads)
		}
		if !s.GPUMatch {
			t.Errorf("%s: the GPU image differs from the frame", w.step)
		}
		if s.W != w.w || s.H != w.h {
			t.Errorf("%s: screen %d×%d, want %d×%d", w.step, s.W, s.H, w.w, w.h)
		}
		if w.sameAs != "" && s.Hash != byStep[w.sameAs].Hash {
			t.Errorf("%s: frame differs from %s's", w.step, w.sameAs)
		}
		if w.diffTo != "" && s.Hash == byStep[w.diffTo].Hash {
			t.Errorf("%s: frame equals %s's", w.step, w.diffTo)
		}
		if len(s.Errors) > 0 {
			t.Errorf("%s: errors %v", w.step, s.Errors)
		}
	}
	// The screen after a device switch holds the new frame, composed once
	// when the screen was resized and kept since.
	img := readPNG(t, filepath.Join(dir, "shot.png"))
	if got := img.Bounds().Size(); got != image.Pt(1125, 2436) {
		t.Fatalf("screenshot after the switch is %v, want 1125×2436", got)
	}
	// Light mode: the red 100px box across the top, white below it.
	if l := luma(img, image.Rect(0, 0, 1125, 300)); l < 60 || l > 90 {
		t.Errorf("top of the screen has luma %.0f, want the red box's (76)", l)
	}
	if l := luma(img, image.Rect(0, 400, 1125, 2436)); l < 250 {
		t.Errorf("below the box luma %.0f, want the white page", l)
	}
}

func TestReloadKeepsLastGoodFrame(t *testing.T) {
	page := testPage(t)
	snaps, _, stdout, _ := child(t, "reload", false, page)
	if len(snaps) != 5 {
		t.Fatalf("child recorded %d steps, want 5: %+v", len(snaps), snaps)
	}
	first, edited, broken, shot, fixed := snaps[0], snaps[1], snaps[2], snaps[3], snaps[4]
	if edited.Uploads != 2 || edited.Hash == first.Hash {
		t.Errorf("edit: %d uploads, frame changed %v; want a new frame uploaded", edited.Uploads, edited.Hash != first.Hash)
	}
	if !strings.Contains(stdout, "package changed, reloading") {
		t.Errorf("stdout does not mention the reload:\n%s", stdout)
	}
	if len(broken.Errors) == 0 || !strings.Contains(broken.Errors[0], "index") {
		t.Errorf("broken page: errors %v, want a load error naming the page", broken.Errors)
	}
	if broken.Uploads != edited.Uploads || broken.Hash != edited.Hash || shot.Hash != edited.Hash {
		t.Error("a failed load replaced the last good frame")
	}
	if len(fixed.Errors) != 0 {
		t.Errorf("fixed page still shows errors %v", fixed.Errors)
	}
	// The screenshot of the broken state: the good frame, the error panel
	// over its bottom.
	img := readPNG(t, filepath.Join(page, "..", "broken.png"))
	if l := luma(img, image.Rect(0, 1334-40, 750, 1334)); l > 100 {
		t.Errorf("bottom of the broken-state screenshot has luma %.0f, want the error panel", l)
	}
}
