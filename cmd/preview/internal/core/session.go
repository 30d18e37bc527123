package main

import (
	"errors"
	"fmt"
	"image"
	"os"
	"runtime/debug"

	"github.com/skyline-go/skyline/diag"
	"github.com/skyline-go/skyline/engine"
)

// session is the preview's page state, free of any window: the page it
// shows, the device and colour scheme, the last good page and what went
// wrong since. Every call into the engine goes through guard, so a bad page
// or an engine bug becomes a message over the frame instead of a crash.
type session struct {
	pagePath string
	dev      Device
	dark     bool

	page *engine.Page // last page that loaded; nil before the first success
	// loadErrs are the errors of the last load when it failed; the frame
	// keeps showing page, the last good one.
	loadErrs []diag.Diagnostic
	// crash is the last engine panic, as a message; cleared by a reload.
	crash   string
	noPaint bool
}

func newSession(pagePath string, dev Device, dark bool) *session {
	return &session{pagePath: pagePath, dev: dev, dark: dark}
}

// guard runs f and turns a panic into an error message, logging the stack to
// stderr for whoever debugs the engine.
func (s *session) guard(stage string, f func()) (ok bool) {
	defer func() {
		if r := recover(); r != nil {
			s.crash = fmt.Sprintf("engine panic while %s: %v", stage, r)
			fmt.Fprintf(os.Stderr, "preview: %s\n%s", s.crash, debug.Stack())
			ok = false
		}
	}()
	f()
	return true
}

// reload reads the page again. On failure the last good page stays and the
// errors are kept for the overlay.
func (s *session) reload() {
	var p *engine.Page
	var err error
	s.crash = ""
	if !s.guard("loading", func() { p, err = engine.Load(s.pagePath, engine.LoadOptions{}) }) {
		return
	}
	if err != nil {
		var el diag.ErrorList
		if errors.As(err, &el) {
			s.loadErrs = append([]diag.Diagnostic(nil), el...)
		} else {
			s.loadErrs = []diag.Diagnostic{{Pos: diag.Pos{File: s.pagePath}, Severity: diag.Error, Msg: err.Error()}}
		}
		return
	}
	s.page, s.loadErrs = p, nil
}

// render lays out and paints the current page into dst, which must be the
// device's pixel size. It reports false when there is nothing to show (no
// page ever loaded, or the engine panicked) and dst is left as it was.
func (s *session) render(dst *image.RGBA) bool {
	if s.page == nil {
		return false
	}
	p := s.page
	return s.guard("rendering", func() {
		p.SetViewport(s.dev.Viewport(s.dark))
		p.Update()
		s.noPaint = !renderPage(p, dst)
	})
}

// messages are the overlay's lines: load errors, an engine panic, then the
// page's own diagnostics (errors first, then warnings), each as
// file:line:col: message.
func (s *session) messages() []message {
	var out []message
	for _, d := range s.loadErrs {
		out = append(out, message{severity: diag.Error, text: d.String()})
	}
	if s.crash != "" {
		out = append(out, message{severity: diag.Error, text: s.crash})
	}
	if s.page != nil {
		ds := s.page.Diagnostics()
		for _, sev := range []diag.Severity{diag.Error, diag.Warning} {
			for _, d := range ds {
				if d.Severity == sev {
					out = append(out, message{severity: sev, text: d.String()})
				}
			}
		}
		if s.noPaint {
			out = append(out, message{severity: diag.Warning, text: noPaintMsg})
		}
	}
	return out
}

// title is the window title: page, device, DPR, colour scheme.
func (s *session) title() string {
	scheme := "light"
	if s.dark {
		scheme = "dark"
	}
	return fmt.Sprintf("%s — %s — %s", s.pagePath, s.dev, scheme)
}
