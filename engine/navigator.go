package engine

import "github.com/skyline-go/skyline/widgets"

// navigator (WeChat's navigator component): a tap on it asks the host's
// router to navigate — url with open-type navigate (the default), redirect,
// switchTab, reLaunch or navigateBack (with delta). The engine has no page
// stack; it queues the request for the host (DrainNavigations), which
// carries it out as the matching wx router call (package app).

// Navigation is one navigator tap for the host's router.
type Navigation struct {
	// Kind is the router call: navigateTo, redirectTo, switchTab, reLaunch
	// or navigateBack.
	Kind  string
	URL   string
	Delta int
	// Node is the navigator.
	Node *Node
}

// navigatorTap queues the navigation of the nearest navigator from target
// up; it reports whether there was one.
func (p *Page) navigatorTap(target *Node) bool {
	for n := target; n != nil; n = n.Parent() {
		if n.Kind != ElementNode || n.Tag != "navigator" {
			continue
		}
		a := nodeAttrs{n}
		kind := "navigateTo"
		switch widgets.String(a, "open-type", "navigate") {
		case "redirect":
			kind = "redirectTo"
		case "switchTab":
			kind = "switchTab"
		case "reLaunch":
			kind = "reLaunch"
		case "navigateBack":
			kind = "navigateBack"
		case "exit":
			return true // leaves the mini-program: nothing to do in a preview
		}
		p.ev.navs = append(p.ev.navs, Navigation{Kind: kind, URL: widgets.String(a, "url", ""),
			Delta: int(widgets.Number(a, "delta", 1)), Node: n})
		return true
	}
	return false
}

// DrainNavigations returns the navigator taps since the last call.
func (p *Page) DrainNavigations() []Navigation {
	out := p.ev.navs
	p.ev.navs = nil
	return out
}
