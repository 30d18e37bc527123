// Package template makes and keeps the page's node tree (engine/dom) from
// its WXML and its data: compilation of the page's and components' markup
// (compile*.go, over engine/wxml and engine/expr), instantiation
// (instantiate.go) with wx:if / wx:for / <template is> / <include>
// controls, bindings and their data-path dependencies (binding.go,
// watch.go, scope.go), wx:for reconciliation by key (loop.go), setData
// patches (setdata.go), custom components — definitions, instances, their
// properties, slots and style scopes (component_*.go, slot.go) — WXS
// modules (wxs*.go), list-builder items made, rebound and pooled on demand
// (builder.go), and the instantiation budgets that bound hostile pages
// (budget.go).
//
// A Tree is one page's: the engine makes it with New and drives it with
// SetData / SetComponentData; the tree records what changed on its nodes
// (DirtyNodes) and never styles, lays out or paints. Its per-node state
// sits behind dom.Node.Template; other stages ask through OwnerID, Hosted,
// BuilderOf.
//
// template may import diag, engine/dom, engine/expr, engine/pkgfs,
// engine/wxml, gesture (event-binding attributes), internal/script (the
// WXS realm's guard), props, style (component stylesheets and scopes) and
// widgets (which tags are built in); never engine, layout's users or paint.
package template
