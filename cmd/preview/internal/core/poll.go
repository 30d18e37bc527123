package core

import (
	"io/fs"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/skyline-go/skyline/engine"
)

// PollInterval is how often the package is scanned for changes: short enough
// that a save shows almost at once, long enough that scanning a package of a
// few hundred files costs nothing noticeable.
const PollInterval = 300 * time.Millisecond

// maxPolledFiles bounds one scan, so a page whose package root turns out to
// be a huge directory cannot stall the preview.
const maxPolledFiles = 5000

// stamp is what a scan remembers of a file: a save changes its modification
// time or its size (editors that keep the mtime still change the size, and
// the reverse).
type stamp struct {
	size int64
	mod  time.Time
}

// snapshot maps a file's path below the package root to its stamp.
type snapshot map[string]stamp

// scanPackage stamps every regular file below root, skipping hidden
// directories (.git and editor state are not part of a page). It stops after
// maxPolledFiles files; a file past the limit is not watched.
func scanPackage(root string) snapshot {
	s := snapshot{}
	filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			// A file removed during the walk is a change the next scan
			// sees; an unreadable directory is simply not watched.
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			if path != root && strings.HasPrefix(d.Name(), ".") {
				return fs.SkipDir
			}
			return nil
		}
		if !d.Type().IsRegular() {
			return nil
		}
		info, err := d.Info()
		if err != nil {
			return nil
		}
		s[path] = stamp{size: info.Size(), mod: info.ModTime()}
		if len(s) >= maxPolledFiles {
			return fs.SkipAll
		}
		return nil
	})
	return s
}

// equal reports whether two scans saw the same files with the same stamps.
func (s snapshot) equal(o snapshot) bool {
	if len(s) != len(o) {
		return false
	}
	for k, v := range s {
		w, ok := o[k]
		if !ok || v.size != w.size || !v.mod.Equal(w.mod) {
			return false
		}
	}
	return true
}

// diff lists the files added, removed or changed from s to o, as paths
// relative to root with forward slashes, sorted.
func (s snapshot) diff(o snapshot, root string) []string {
	var out []string
	add := func(path string) {
		if rel, err := filepath.Rel(root, path); err == nil {
			out = append(out, filepath.ToSlash(rel))
		}
	}
	for k, v := range s {
		if w, ok := o[k]; !ok || v.size != w.size || !v.mod.Equal(w.mod) {
			add(k)
		}
	}
	for k := range o {
		if _, ok := s[k]; !ok {
			add(k)
		}
	}
	slices.Sort(out)
	return out
}

// Poller scans a package directory on its own goroutine and signals Changed
// when a scan differs from the one before. Signals coalesce: however many
// saves happen between two reads of Changed, the reader sees one, and
// Changes has every file changed since it was last called.
type Poller struct {
	root    string
	changed chan struct{}
	stop    chan struct{}
	done    sync.WaitGroup

	mu      sync.Mutex
	pending map[string]bool
}

// StartPoller takes a first snapshot of root synchronously (so a change made
// right after it returns is seen) and then polls every interval.
func StartPoller(root string, interval time.Duration) *Poller {
	p := &Poller{root: root, changed: make(chan struct{}, 1), stop: make(chan struct{})}
	last := scanPackage(root)
	p.done.Add(1)
	go func() {
		defer p.done.Done()
		t := time.NewTicker(interval)
		defer t.Stop()
		for {
			select {
			case <-p.stop:
				return
			case <-t.C:
			}
			cur := scanPackage(root)
			if cur.equal(last) {
				continue
			}
			p.mu.Lock()
			if p.pending == nil {
				p.pending = map[string]bool{}
			}
			for _, f := range last.diff(cur, root) {
				p.pending[f] = true
			}
			p.mu.Unlock()
			last = cur
			select {
			case p.changed <- struct{}{}:
			default: // a signal is already pending
			}
		}
	}()
	return p
}

// Changed receives one value after the package changed.
func (p *Poller) Changed() <-chan struct{} { return p.changed }

// Changes returns the files (relative to the package root, forward
// slashes, sorted) added, removed or changed since the last call.
func (p *Poller) Changes() []string {
	p.mu.Lock()
	defer p.mu.Unlock()
	out := make([]string, 0, len(p.pending))
	for f := range p.pending {
		out = append(out, f)
	}
	clear(p.pending)
	slices.Sort(out)
	return out
}

// Close stops the goroutine and waits for it.
func (p *Poller) Close() {
	close(p.stop)
	p.done.Wait()
}

// PackageRoot is the directory whose files make up the page's package:
// render-cli.md's package root, the nearest ancestor of the page's directory
// holding app.json, else the page's directory. The engine finds the same
// directory on a successful load (Page.Pkg.Root); this one also works when
// the page fails to load, which is exactly when the preview must keep
// watching for the fix.
func PackageRoot(pagePath string) string {
	root, _, err := engine.LocatePage(pagePath)
	if err != nil {
		return filepath.Dir(pagePath)
	}
	return root
}
