package core

import (
	"errors"
	"fmt"
	"image"
	"os"
	"runtime/debug"

	"github.com/skyline-go/skyline/diag"
	"github.com/skyline-go/skyline/engine"
)

// Session is the preview's page state, free of any window: the page it
// shows, the device and colour scheme, the last good page and what went
// wrong since. Every call into the engine goes through guard, so a bad page
// or an engine bug becomes a message over the frame instead of a crash.
type Session struct {
	// PagePath is the page as named on the command line (render-cli.md).
	PagePath string
	Dev      Device
	Dark     bool

	// Page is the last page that loaded; nil before the first success.
	Page *engine.Page
	// loadErrs are the errors of the last load when it failed; the frame
	// keeps showing Page, the last good one.
	loadErrs []diag.Diagnostic
	// crash is the last engine panic, as a message; cleared by a reload.
	crash string
}

// NewSession returns a session that has not loaded its page yet.
func NewSession(pagePath string, dev Device, dark bool) *Session {
	return &Session{PagePath: pagePath, Dev: dev, Dark: dark}
}

// guard runs f and turns a panic into an error message, logging the stack to
// stderr for whoever debugs the engine.
func (s *Session) guard(stage string, f func()) (ok bool) {
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

// Reload reads the page again. On failure the last good page stays and the
// errors are kept for the overlay.
func (s *Session) Reload() {
	var p *engine.Page
	var err error
	s.crash = ""
	if !s.guard("loading", func() { p, err = engine.Load(s.PagePath, engine.LoadOptions{}) }) {
		return
	}
	if err != nil {
		var el diag.ErrorList
		if errors.As(err, &el) {
			s.loadErrs = append([]diag.Diagnostic(nil), el...)
		} else {
			s.loadErrs = []diag.Diagnostic{{Pos: diag.Pos{File: s.PagePath}, Severity: diag.Error, Msg: err.Error()}}
		}
		return
	}
	s.Page, s.loadErrs = p, nil
}

// Render lays out and paints the current page into dst, which must be the
// device's pixel size. It reports false when there is nothing to show (no
// page ever loaded, or the engine panicked); dst is then not a frame.
func (s *Session) Render(dst *image.RGBA) bool {
	if s.Page == nil {
		return false
	}
	p := s.Page
	return s.guard("rendering", func() {
		p.SetViewport(s.Dev.Viewport(s.Dark))
		renderPage(p, dst)
	})
}

// Messages are the overlay's entries: load errors, an engine panic, then
// the page's own diagnostics (errors first, then warnings), each as
// file:line:col: message.
func (s *Session) Messages() []Message {
	var out []Message
	for _, d := range s.loadErrs {
		out = append(out, Message{Severity: diag.Error, Text: d.String()})
	}
	if s.crash != "" {
		out = append(out, Message{Severity: diag.Error, Text: s.crash})
	}
	if s.Page != nil {
		ds := s.Page.Diagnostics()
		for _, sev := range []diag.Severity{diag.Error, diag.Warning} {
			for _, d := range ds {
				if d.Severity == sev {
					out = append(out, Message{Severity: sev, Text: d.String()})
				}
			}
		}
	}
	return out
}

// Title is the window title: page, device, DPR, colour scheme.
func (s *Session) Title() string {
	scheme := "light"
	if s.Dark {
		scheme = "dark"
	}
	return fmt.Sprintf("%s — %s — %s", s.PagePath, s.Dev, scheme)
}
