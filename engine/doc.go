// Package engine is the page runtime and the public embedding API. It owns
// the node tree built from WXML templates and page data, setData patches, the
// frame pipeline (restyle → relayout → repaint, each incremental) and event
// dispatch.
//
// Data flows one way: engine drives style (computed values), then layout
// (boxes), then paint. engine may import every package of this module except
// the commands; nothing in the module imports engine except the commands.
// Subpackages: wxml (markup parser), expr (binding expressions).
package engine
