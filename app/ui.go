package app

import (
	"time"

	"github.com/skyline-go/skyline/logic"
)

// Toast is a wx.showToast / showLoading the host draws over the page.
type Toast struct {
	Title string
	Icon  string // success, error, loading, none
	Image string
	Mask  bool
	// Until is the clock time it disappears at; 0 stays until hidden
	// (showLoading).
	Until time.Duration
}

// Modal is a wx.showModal the host draws and answers with AnswerModal.
type Modal struct {
	Req                     int
	Title, Content          string
	ShowCancel              bool
	ConfirmText, CancelText string
}

// Toast returns the toast on screen, nil when none.
func (a *App) Toast() *Toast { return a.toast }

// Modal returns the modal on screen, nil when none. While it is up the page
// takes no touches (it is a system dialog over the page).
func (a *App) Modal() *Modal { return a.modal }

// AnswerModal closes the modal with the confirm or cancel button; its
// success callback runs and what it sets is applied before this returns.
func (a *App) AnswerModal(confirm bool) {
	m := a.modal
	if m == nil {
		return
	}
	a.modal = nil
	a.changed = true
	if a.rt != nil {
		a.send(logic.ModalReply{Req: m.Req, Confirm: confirm})
	}
	a.exchange()
}

func (a *App) showToast(m logic.ShowToast) {
	t := &Toast{Title: m.Title, Icon: m.Icon, Image: m.Image, Mask: m.Mask}
	if m.Duration > 0 {
		t.Until = a.clock.Now() + m.Duration
	}
	a.toast = t
	a.changed = true
}

func (a *App) hideToast() {
	if a.toast != nil {
		a.toast = nil
		a.changed = true
	}
}

// expireToast removes a toast whose duration has passed on the App's clock.
func (a *App) expireToast() {
	if t := a.toast; t != nil && t.Until > 0 && a.clock.Now() >= t.Until {
		a.hideToast()
	}
}
