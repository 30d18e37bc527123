// Package pkgfs is the mini-program package on disk: Package reads its
// files by package-relative path and refuses anything outside the root
// (`../` escapes, absolute references, symlinks that leave it, devices,
// oversized files; render-cli.md); Config is app.json merged with a page's
// or component's json; DecodeData reads a `.data.json`. Errors are
// positioned (file:line:col) for the page's diagnostics.
//
// pkgfs may import diag, engine/expr (ordered JSON objects) and style
// (the renderer options app.json sets); nothing of the pipeline.
package pkgfs
