package core

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/skyline-go/skyline/diag"
)

// The console and messages panel (key C or `): every console.* line of
// the page's scripts and every diagnostic, each with its file:line:col and
// the source line it points at. This file builds the entries; console_view.go
// draws them with the engine's own text stack (bundled fonts, so Chinese
// reads).

// Entry levels, most severe first.
const (
	LevelError   = "error"
	LevelWarning = "warning"
	LevelLog     = "log"
	LevelInfo    = "info"
	LevelDebug   = "debug"
)

// Entry is one line of the console panel.
type Entry struct {
	Level string // LevelError … LevelDebug
	// Console is true for a console.* call (Level is then its method:
	// console.warn is LevelWarning).
	Console bool
	Pos     diag.Pos
	Msg     string
	// Count is how many identical entries (same level, position and text)
	// this one stands for: repeats are folded, not listed again.
	Count int
	// Excerpt is the source line at Pos; zero when Pos has no line or the
	// file cannot be read.
	Excerpt Excerpt
}

// Excerpt is a source line split at the entry's column: At is the token
// that starts there (up to the next space or punctuation), so a panel can
// mark it.
type Excerpt struct {
	Line              int
	Before, At, After string
}

// RawEntry is an entry before folding and excerpts.
type RawEntry struct {
	Level   string
	Console bool
	Pos     diag.Pos
	Msg     string
}

// SourceReader reads a file named by a diagnostic position (relative to the
// package root).
type SourceReader func(file string) ([]byte, error)

// PackageReader reads positions' files below root: only local paths (no
// .., not absolute), at most maxExcerptFile bytes.
func PackageReader(root string) SourceReader {
	return func(file string) ([]byte, error) {
		if !filepath.IsLocal(filepath.FromSlash(file)) {
			return nil, os.ErrPermission
		}
		path := filepath.Join(root, filepath.FromSlash(file))
		st, err := os.Stat(path)
		if err != nil {
			return nil, err
		}
		if !st.Mode().IsRegular() || st.Size() > maxExcerptFile {
			return nil, os.ErrInvalid
		}
		return os.ReadFile(path)
	}
}

const (
	maxExcerptFile = 4 << 20 // a source file larger than this gets no excerpt
	maxExcerptLen  = 96      // runes of a line shown around the column
)

// BuildEntries folds identical raw entries into one (first occurrence's
// place, Count the repeats) and attaches each position's source line,
// reading every file once.
func BuildEntries(raw []RawEntry, read SourceReader) []Entry {
	type key struct {
		level   string
		console bool
		pos     diag.Pos
		msg     string
	}
	at := map[key]int{}
	files := map[string][]string{}
	var out []Entry
	for _, r := range raw {
		k := key{r.Level, r.Console, r.Pos, r.Msg}
		if i, ok := at[k]; ok {
			out[i].Count++
			continue
		}
		at[k] = len(out)
		e := Entry{Level: r.Level, Console: r.Console, Pos: r.Pos, Msg: r.Msg, Count: 1}
		if r.Pos.Line > 0 && r.Pos.File != "" && read != nil {
			lines, ok := files[r.Pos.File]
			if !ok {
				if b, err := read(r.Pos.File); err == nil {
					lines = strings.Split(string(b), "\n")
				}
				files[r.Pos.File] = lines
			}
			if r.Pos.Line <= len(lines) {
				e.Excerpt = MakeExcerpt(lines[r.Pos.Line-1], r.Pos.Line, r.Pos.Col)
			}
		}
		out = append(out, e)
	}
	return out
}

// MakeExcerpt splits a source line at byte column col (1-based, as
// diag.Pos counts): tabs become two spaces, a carriage return is dropped,
// leading white space is trimmed, and a long line is cut to about
// maxExcerptLen runes around the column with "…" where it was cut.
func MakeExcerpt(line string, lineNo, col int) Excerpt {
	line = strings.TrimRight(line, "\r")
	col = min(max(col-1, 0), len(line))
	before, rest := line[:col], line[col:]
	// The token at the column: up to the next space or punctuation, at
	// least one rune.
	n := 0
	for i, r := range rest {
		if i > 0 && (r == ' ' || r == '\t' || strings.ContainsRune("<>{}()[];,:=\"'/", r)) {
			break
		}
		n = i + len(string(r))
	}
	at, after := rest[:n], rest[n:]
	tidy := func(s string) string { return strings.ReplaceAll(s, "\t", "  ") }
	before, at, after = strings.TrimLeft(tidy(before), " "), tidy(at), tidy(after)
	if before == "" {
		at = strings.TrimLeft(at, " ")
	}
	b, a := []rune(before), []rune(after)
	half := maxExcerptLen / 2
	if len(b) > half {
		before = "…" + string(b[len(b)-half:])
	}
	if len(b)+len([]rune(at))+len(a) > maxExcerptLen && len(a) > half {
		after = string(a[:half]) + "…"
	}
	return Excerpt{Line: lineNo, Before: before, At: at, After: after}
}

// Counts returns how many entries of each level there are (repeats
// counted once per entry).
func Counts(es []Entry) (errs, warns, logs int) {
	for _, e := range es {
		switch e.Level {
		case LevelError:
			errs++
		case LevelWarning:
			warns++
		default:
			logs++
		}
	}
	return
}

// ConsoleSummary is the panel's heading, e.g. "2 errors, 1 warning, 3 logs".
func ConsoleSummary(es []Entry) string {
	errs, warns, logs := Counts(es)
	var parts []string
	add := func(n int, what string) {
		if n > 0 {
			parts = append(parts, fmt.Sprintf("%d %s%s", n, what, plural(n)))
		}
	}
	add(errs, "error")
	add(warns, "warning")
	add(logs, "log")
	if len(parts) == 0 {
		return "no messages"
	}
	return strings.Join(parts, ", ")
}

// ConsolePanel decides when the console panel shows. It opens on its own
// when an error arrives that was not there before (a load error, a script
// error), and closes on its own when it had opened so and the errors are
// gone; the key toggles it, and closing it keeps it closed until a new
// error comes. So the panel never covers the page for good: the
// developer can always dismiss it.
type ConsolePanel struct {
	Open bool
	// seen is the error count the panel last accounted for; auto: it is
	// open because an error opened it.
	seen int
	auto bool
}

// Sync brings the panel up to date with the current error count and
// reports whether it opened or closed.
func (c *ConsolePanel) Sync(errs int) bool {
	was := c.Open
	switch {
	case errs > c.seen:
		if !c.Open {
			c.Open, c.auto = true, true
		}
	case errs == 0 && c.auto:
		c.Open, c.auto = false, false
	}
	c.seen = errs
	return c.Open != was
}

// Toggle is the key (or the close button when open).
func (c *ConsolePanel) Toggle(errs int) {
	c.Open, c.auto, c.seen = !c.Open, false, errs
}
