package main

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/skyline-go/skyline/app"
	"github.com/skyline-go/skyline/host"
	"github.com/skyline-go/skyline/imagesrc"
)

// A -script file is one step a line ('#' starts a comment):
//
//	tap X Y                 a tap at page point (X, Y) CSS px
//	drag X1 Y1 X2 Y2 MS     a finger from (X1, Y1) to (X2, Y2) over MS ms, moving
//	                        every 16 ms frame, then lifted (a fast drag flings)
//	wheel X Y DX DY         a wheel delta over (X, Y)
//	wait MS                 MS ms pass in 16 ms frames (timers, flings, animations)
//	setData JSON            a host setData patch (one JSON object on the line)
//	shot NAME               writes NAME.png (and NAME.layout.json with -layout)
//	                        next to the -o PNG
//
// The page's clock is manual under -script: it moves only through drag and
// wait, so the frames are the same on every run.

// frame is the step of drag and wait.
const frame = 16 * time.Millisecond

type step struct {
	line int
	op   string
	nums []float64
	text string // setData's JSON, shot's name
}

var shotName = regexp.MustCompile(`^[A-Za-z0-9_.-]+$`)

// arity is the number count of each numeric step.
var arity = map[string]int{"tap": 2, "drag": 5, "wheel": 4, "wait": 1}

// maxScriptMS bounds one drag or wait (10 min of page time).
const maxScriptMS = 600_000

// parseScript reads a script; errors name file:line.
func parseScript(name string, r io.Reader) ([]step, error) {
	var steps []step
	sc := bufio.NewScanner(r)
	sc.Buffer(nil, 16<<20)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if i := strings.IndexByte(line, '#'); i >= 0 && !strings.HasPrefix(line, "setData") {
			line = strings.TrimSpace(line[:i])
		}
		if line == "" {
			continue
		}
		op, rest, _ := strings.Cut(line, " ")
		rest = strings.TrimSpace(rest)
		s := step{line: n, op: op}
		bad := func(format string, args ...any) error {
			return fmt.Errorf("%s:%d: %s: %s", name, n, op, fmt.Sprintf(format, args...))
		}
		switch op {
		case "tap", "drag", "wheel", "wait":
			f := strings.Fields(rest)
			if len(f) != arity[op] {
				return nil, bad("want %d numbers, got %d", arity[op], len(f))
			}
			for _, x := range f {
				v, err := strconv.ParseFloat(x, 64)
				if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
					return nil, bad("%q is not a finite number", x)
				}
				s.nums = append(s.nums, v)
			}
			if ms := s.nums[len(s.nums)-1]; (op == "wait" || op == "drag") && (ms < 0 || ms > maxScriptMS) {
				return nil, bad("%v ms: want 0 … %d", ms, maxScriptMS)
			}
		case "setData":
			if _, _, err := host.DecodePatch([]byte(rest)); err != nil {
				return nil, bad("%v", err)
			}
			s.text = rest
		case "shot":
			if !shotName.MatchString(rest) {
				return nil, bad("name %q: want letters, digits, '.', '_' or '-'", rest)
			}
			s.text = rest
		default:
			return nil, fmt.Errorf("%s:%d: unknown step %q (want tap, drag, wheel, wait, setData or shot)", name, n, op)
		}
		steps = append(steps, s)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %v", name, err)
	}
	return steps, nil
}

// runScript runs the steps on a; shot writes NAME.png (and the layout dump
// when layout) into dir.
func runScript(a *app.App, steps []step, dir string, layout bool, loader *imagesrc.Loader, stderr io.Writer) error {
	for _, s := range steps {
		switch s.op {
		case "tap":
			a.Tap(s.nums[0], s.nums[1])
		case "drag":
			drag(a, s.nums[0], s.nums[1], s.nums[2], s.nums[3], s.nums[4])
		case "wheel":
			a.Wheel(s.nums[0], s.nums[1], s.nums[2], s.nums[3])
		case "wait":
			wait(a, s.nums[0])
		case "setData":
			m, keys, _ := host.DecodePatch([]byte(s.text))
			if err := a.Page().SetData(m, keys...); err != nil {
				fmt.Fprintf(stderr, "line %d: setData: %v\n", s.line, err)
			}
		case "shot":
			p := a.Page()
			if err := writePNG(p, filepath.Join(dir, s.text+".png"), false, loader, stderr); err != nil {
				return err
			}
			if layout {
				if err := writeDump(p, filepath.Join(dir, s.text+".layout.json")); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// drag moves finger 0 from (x1, y1) to (x2, y2) over ms, one move a frame.
func drag(a *app.App, x1, y1, x2, y2, ms float64) {
	if !a.TouchStart(0, x1, y1) {
		return
	}
	n := max(1, int(math.Round(ms/float64(frame/time.Millisecond))))
	step := time.Duration(ms / float64(n) * float64(time.Millisecond))
	for i := 1; i <= n; i++ {
		a.Advance(step)
		f := float64(i) / float64(n)
		a.TouchMove(0, x1+(x2-x1)*f, y1+(y2-y1)*f)
	}
	a.TouchEnd(0, x2, y2)
}

// wait lets ms pass in frames.
func wait(a *app.App, ms float64) {
	left := time.Duration(ms * float64(time.Millisecond))
	for left > 0 {
		d := min(left, frame)
		a.Advance(d)
		left -= d
	}
}

// readScript parses the -script file.
func readScript(path string) ([]step, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return parseScript(path, bytes.NewReader(b))
}
