package logic

import (
	"fmt"

	"github.com/skyline-go/skyline/diag"
)

// Lifetime order follows glass-easel (the Skyline component framework):
//   - created: a component's shadow tree is built before its own created
//     runs, so children's created run before their host's (post-order);
//     properties the parent passes apply right after created;
//   - attached: hosts before children (pre-order, checkAndCallAttached);
//   - page onLoad / onShow after components attached, components' ready
//     (post-order) before the page's onReady (WeChat community reports of
//     the page/component order);
//   - detached and moved: children before hosts (post-order);
//   - pageLifetimes: pre-order, before the page's own onShow / onHide.

func (s *state) loadPageInstance(m LoadPage) {
	if old := s.instances[m.ID]; old != nil {
		s.r.diagWarn(diag.Pos{File: m.Path + ".js"}, fmt.Sprintf("LoadPage: instance %d exists; unloading it first", m.ID))
		s.unloadPage(m.ID)
	}
	pc, err := s.loadPage(m.Path)
	var page *instance
	if c := s.comps[m.Path]; err != nil && c != nil {
		// A page built with Component({...}): its hooks are methods and it
		// has component lifetimes around its children's.
		page = s.newComponentInstance(m.ID, c)
		_ = page.obj.Set("route", m.Path)
		_ = page.obj.Set("options", s.toJS(queryMap(m.Query)))
		for _, k := range sortedKeys(m.Data) {
			_ = page.data.Set(k, s.toJS(cloneValue(m.Data[k])))
		}
	} else {
		if err != nil {
			// The page still renders its markup and data; handlers are missing.
			s.r.diagErr(diag.Pos{File: m.Path + ".js"}, err.Error())
		}
		page = s.newPageInstance(m.ID, pc, m.Data, m.Query)
	}
	s.instances[m.ID] = page
	s.pageStack = append(s.pageStack, page)
	roots := s.create(m.Components)
	s.lifetime(page, "created")
	page.attached = true
	s.lifetime(page, "attached")
	for _, r := range roots {
		s.attach(r)
	}
	s.call("onLoad", page.obj.Get("onLoad"), page.obj, s.toJS(queryMap(m.Query)))
	s.preOrder(page, func(c *instance) { s.pageLifetime(c, "show") })
	s.call("onShow", page.obj.Get("onShow"), page.obj)
	for _, r := range roots {
		s.postOrder(r, func(c *instance) { s.lifetime(c, "ready") })
	}
	s.lifetime(page, "ready")
	s.call("onReady", page.obj.Get("onReady"), page.obj)
}

// mount creates components added after the first render.
func (s *state) mount(list []ComponentInit) {
	roots := s.create(list)
	for _, r := range roots {
		s.attach(r)
	}
	for _, r := range roots {
		s.postOrder(r, func(c *instance) { s.lifetime(c, "ready") })
	}
}

// create instantiates a batch, links it into the tree and runs created
// (then initial properties) children first. It returns the batch's roots.
func (s *state) create(list []ComponentInit) []*instance {
	var roots, made []*instance
	for _, ci := range list {
		if ci.ID == 0 || s.instances[ci.ID] != nil {
			s.r.diagErr(diag.Pos{File: ci.Path + ".js"}, fmt.Sprintf("component instance id %d is zero or already used", ci.ID))
			continue
		}
		c, err := s.loadComp(ci.Path)
		if err != nil {
			s.r.diagErr(diag.Pos{File: ci.Path + ".js"}, err.Error())
			continue
		}
		in := s.newComponentInstance(ci.ID, c)
		in.host = hostInfo{owner: ci.Owner, tag: ci.Tag, id: ci.ElementID, classes: ci.Classes}
		s.instances[ci.ID] = in
		made = append(made, in)
		if p := s.instances[ci.Parent]; p != nil && !p.gone {
			in.parent = p
			p.children = append(p.children, in)
		}
		if in.parent == nil || !inBatch(in.parent, made) {
			roots = append(roots, in)
		}
	}
	props := make(map[*instance]map[string]any, len(list))
	for _, ci := range list {
		if in := s.instances[ci.ID]; in != nil && inBatch(in, made) {
			props[in] = ci.Props
		}
	}
	for _, r := range roots {
		s.postOrderIn(r, made, func(c *instance) {
			s.lifetime(c, "created")
			if p := props[c]; len(p) > 0 {
				s.setProperties(c, p)
			}
		})
	}
	return roots
}

func inBatch(in *instance, batch []*instance) bool {
	for _, b := range batch {
		if b == in {
			return true
		}
	}
	return false
}

// attach runs attached pre-order over a subtree and links relations.
func (s *state) attach(root *instance) {
	s.preOrder(root, func(c *instance) {
		if c.attached {
			return
		}
		c.attached = true
		s.lifetime(c, "attached")
	})
	s.preOrder(root, s.linkRelations)
}

// unmount detaches a subtree children first and forgets it.
func (s *state) unmount(id InstanceID) {
	in := s.inst(id, "Unmount")
	if in == nil {
		return
	}
	if in.parent == nil && inStack(s.pageStack, in) {
		s.unloadPage(id)
		return
	}
	s.postOrder(in, func(c *instance) {
		s.unlinkRelations(c)
		if c.attached {
			c.attached = false
			s.lifetime(c, "detached")
		}
		c.gone = true
		delete(s.instances, c.id)
	})
	if p := in.parent; p != nil {
		for i, ch := range p.children {
			if ch == in {
				p.children = append(p.children[:i], p.children[i+1:]...)
				break
			}
		}
	}
}

func (s *state) unloadPage(id InstanceID) {
	page := s.inst(id, "UnloadPage")
	if page == nil {
		return
	}
	for len(page.children) > 0 {
		s.unmount(page.children[0].id)
	}
	if page.attached && page.class != nil {
		page.attached = false
		s.lifetime(page, "detached")
	}
	s.call("onUnload", page.obj.Get("onUnload"), page.obj)
	page.gone = true
	delete(s.instances, id)
	for i, p := range s.pageStack {
		if p == page {
			s.pageStack = append(s.pageStack[:i], s.pageStack[i+1:]...)
			break
		}
	}
}

func (s *state) pageVisibility(id InstanceID, lifetime, hook string) {
	page := s.inst(id, "Page"+lifetime)
	if page == nil {
		return
	}
	s.preOrder(page, func(c *instance) { s.pageLifetime(c, lifetime) })
	s.call(hook, page.obj.Get(hook), page.obj)
}

// lifetime runs a component lifetime: behaviors' functions first.
func (s *state) lifetime(in *instance, name string) {
	if in.class == nil {
		return
	}
	for _, fn := range in.class.lifetimes[name] {
		s.call(name, fn, in.obj)
	}
}

func (s *state) pageLifetime(in *instance, name string) {
	if in.class == nil {
		return
	}
	for _, fn := range in.class.pageLifetimes[name] {
		s.call("pageLifetimes."+name, fn, in.obj)
	}
}

// preOrder visits a subtree, hosts before children. The children slice is
// copied so a callback may unmount.
func (s *state) preOrder(in *instance, f func(*instance)) {
	if in.gone && in.page == nil {
		return
	}
	f(in)
	for _, c := range append([]*instance(nil), in.children...) {
		s.preOrder(c, f)
	}
}

func (s *state) postOrder(in *instance, f func(*instance)) {
	for _, c := range append([]*instance(nil), in.children...) {
		s.postOrder(c, f)
	}
	f(in)
}

// postOrderIn is postOrder restricted to a creation batch.
func (s *state) postOrderIn(in *instance, batch []*instance, f func(*instance)) {
	for _, c := range append([]*instance(nil), in.children...) {
		if inBatch(c, batch) {
			s.postOrderIn(c, batch, f)
		}
	}
	f(in)
}

// linkRelations links in to its related ancestors (relations "where
// cheap"): a parent/child pair when both sides declare each other and the
// child's nearest component ancestor is the parent; ancestor/descendant
// along the whole ancestor chain. linked runs on both sides, parent first.
func (s *state) linkRelations(in *instance) {
	if in.class == nil {
		return
	}
	for _, r := range in.class.relations {
		if r.Type != "parent" && r.Type != "ancestor" {
			continue
		}
		for a := in.parent; a != nil; a = a.parent {
			if a.class == nil {
				break
			}
			if a.class.def.Path == r.Path {
				want := "child"
				if r.Type == "ancestor" {
					want = "descendant"
				}
				for _, ar := range a.class.relations {
					if ar.Type == want && ar.Path == in.class.def.Path {
						s.link(a, ar, in)
						s.link(in, r, a)
					}
				}
				break
			}
			if r.Type == "parent" {
				break
			}
		}
	}
}

func (s *state) link(in *instance, r relationDef, target *instance) {
	if in.linked == nil {
		in.linked = map[string][]*instance{}
	}
	in.linked[r.Key] = append(in.linked[r.Key], target)
	s.call("relation linked", r.linked, in.obj, target.obj)
}

// unlinkRelations undoes the links of in on both sides, relation keys in
// sorted order so the unlinked callbacks run in one order on every run.
func (s *state) unlinkRelations(in *instance) {
	for _, key := range linkedKeys(in.linked) {
		targets := in.linked[key]
		r := findRelation(in.class, key)
		for _, t := range targets {
			for _, tk := range linkedKeys(t.linked) {
				list := t.linked[tk]
				for i, x := range list {
					if x == in {
						t.linked[tk] = append(list[:i], list[i+1:]...)
						if tr := findRelation(t.class, tk); tr != nil {
							s.call("relation unlinked", tr.unlinked, t.obj, in.obj)
						}
						break
					}
				}
			}
			if r != nil {
				s.call("relation unlinked", r.unlinked, in.obj, t.obj)
			}
		}
	}
	in.linked = nil
}

func linkedKeys(m map[string][]*instance) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sortStrings(keys)
	return keys
}

func findRelation(c *compClass, key string) *relationDef {
	if c == nil {
		return nil
	}
	for i := range c.relations {
		if c.relations[i].Key == key {
			return &c.relations[i]
		}
	}
	return nil
}

func inStack(stack []*instance, in *instance) bool {
	for _, p := range stack {
		if p == in {
			return true
		}
	}
	return false
}
