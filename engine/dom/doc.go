// Package dom is the node tree every stage reads: element and text nodes,
// their links (a doubly linked child list, so keyed moves keep identity),
// bound attributes, class lists, dataset and marks, event bindings, the
// style scope a node matches in, and the dirty bits that make restyle and
// relayout incremental. *Node implements style.Element (with the host and
// scoped-class extensions of spec §2.3).
//
// The template stage (engine/template) is the only writer: it makes nodes,
// links them (InsertAfter, Unlink) and sets their attributes (the Set*
// methods). The frame pipeline (package engine) reads them and fills Style,
// Index and Runtime. Each stage keeps its own per-node state behind the
// Template and Runtime fields, so this package knows neither.
//
// dom may import diag, engine/expr (attribute truthiness), gesture (event
// bindings), style and widgets (a node's built-in Spec); it must not import
// engine, engine/template or the pipeline's stages.
package dom
