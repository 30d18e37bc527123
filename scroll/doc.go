// Package scroll is the on-demand core: scroll-view (list / custom / nested),
// the sliver containers (list-view, grid-view, sticky-section, sticky-header),
// the builders that create and recycle item nodes by index, and scroll
// physics. It speaks layout's container contract.
//
// # Model (Flutter's slivers, Gio's plain scroll state)
//
// A Viewport (one scroll-view, spec §4.5) lays out a sequence of Slivers for
// a scroll offset. Constraints go down (SliverConstraints: the scroll offset
// into the sliver, the remaining paint and cache extents, the cross extent),
// geometry comes up (SliverGeometry: scroll, paint, cache extents and a
// ScrollOffsetCorrection when estimates were wrong). type="list" is a
// Viewport over one List of the direct children; type="custom" a Viewport
// over Box, List, Grid, MasonryGrid and StickySection slivers.
//
// Lazy slivers (List, Grid, MasonryGrid) build only the items intersecting
// viewport ± cache-extent (spec §6) through the host's ChildManager, and
// dispose the others; builders recycle nodes through a Pool. Unbuilt
// extents are estimated (compact Fenwick store, extents.go) and corrected
// so that what is on screen never moves (viewport.go, lines.go).
//
// Physics (Scroller) and Nested chaining advance by an explicit dt (a
// linked Nested pair is driven through either of its scrollers); events
// (Events, Refresher, Frame.StickEvents) are derived per frame. Nothing
// reads the wall clock, and steady-state frames allocate nothing.
//
// # The host's part (the engine)
//
// Per scroll-view the host builds a Viewport with its slivers and
// implements ChildManager for each lazy sliver (Build / Relayout / Dispose
// lay items out through layout.Tree and are the itembuild / itemdispose
// moments) and BoxLayouter for plain children. Per frame:
//
//	scroller.Step(dt)                       // after feeding drag input
//	got := vp.Layout(scroller.Offset)       // builds, disposes, places
//	scroller.Correct(got - scroller.Offset) // corrections move nothing on screen
//	scroller.SetRange(-refresher.HoldExtent(), vp.MaxScrollExtent())
//	paint vp.Frame.Placements where Visible (Pinned ones last)
//	events.Update(...); refresher.Pull(...); deliver vp.Frame.StickEvents
//
// Content changes: List.ItemChanged(i) (re-measured, anchored) or a new
// ItemCount; scroll-into-view: Viewport.ScrollIntoView then Layout at the
// returned offset.
//
// child-count > len(list) (spec §4.7, UNVERIFIED): the host passes
// min(child-count, len(list)) as ItemCount — items beyond the loaded list
// are not created.
//
// It may import layout, style and diag; it must not import engine.
package scroll
