package app

import (
	"maps"

	"github.com/skyline-go/skyline/engine"
	"github.com/skyline-go/skyline/logic"
)

// ReloadStyles reads the page's stylesheets again and restyles it in
// place (engine.Page.ReloadStyles): the scripts, the data and the node
// tree stay. A developer tool calls it when only a .wxss changed.
func (a *App) ReloadStyles() error { return a.page.ReloadStyles() }

// ReloadMarkup instantiates the page again from its files (markup, styles,
// page json, components' markup and styles) with the page's current data,
// keeping the scripts as they run: app.js is not run again, the page's
// script instance and every setData it made stay, and no page lifetime
// (onLoad, onShow, onReady) runs again. Component instances are made
// anew: the runtime detaches the old ones (their detached lifetimes run)
// and attaches the new ones (created, attached, ready), with their
// initial data. On an error (a markup error) the current page stays and
// the error comes back as a diag.ErrorList. A developer tool calls it when
// a .wxml, .wxs or component file changed.
func (a *App) ReloadMarkup() error {
	r := a.pageRun
	old := r.page
	data := maps.Clone(old.Data())
	p, err := engine.LoadFrom(a.pkg, r.path, engine.LoadOptions{Data: data, Components: a.componentDef, Images: a.opts.Images})
	if err != nil {
		return err
	}
	a.exchange() // settle what the old page queued before it goes
	if a.rt != nil {
		for _, in := range old.Instances() {
			if in.Parent() == 0 { // Unmount takes each subtree, children first
				a.send(logic.Unmount{ID: r.lid(in.ID())})
			}
		}
	}
	r.page = p
	r.hosts = map[engine.InstanceID]hostKey{}
	a.dress(r) // the page's window (inside the bars of a whole app)
	inits := a.inits(p.DrainInstanceEvents())
	if len(inits) > 0 && a.rt != nil {
		a.send(logic.Mount{Components: inits})
	}
	a.changed = true
	a.Pump()
	return nil
}
