// Package imagesrc turns an image element's src into pixels, wherever the
// src points: a package file (read through the caller's sandbox, Files), a
// data: URL (base64 or percent-encoded; PNG, JPEG, GIF, WebP or SVG), or a
// remote http(s) URL (fetched in the background with an on-disk cache,
// connect and overall timeouts, a size limit and de-duplication of
// concurrent fetches). SVG pictures are rasterised (github.com/fyne-io/oksvg
// over github.com/srwiley/rasterx) at the size the caller asks for, or at
// the picture's intrinsic size times a scale.
//
// Every picture goes through the same decode budget as the engine's local
// files: at most MaxBytes of encoded data and at most MaxPixels decoded
// pixels per image, the header read before any pixel is allocated
// (raster.DecodeImage), decoder panics turned into errors.
//
// Remote loading is asynchronous: Loader.Load answers Pending for a remote
// src whose bytes are not there yet and starts the fetch; when it ends the
// loader's Generation moves on and Options.OnArrive is called, so a page
// renders with the image's box empty and relays out when the picture
// arrives. In Offline mode (or with a nil *Loader) nothing is fetched: a
// remote src is an ErrOffline error, which a renderer reports as a warning
// and keeps the box's size.
//
// imagesrc sits below the engine: of the project it imports only diag and
// engine/paint/raster (internal/archtest holds the rule), and sees the package through
// the Files interface, which *engine.Package satisfies. It is not under
// widgets because it does I/O (network, disk cache) that widgets — which
// the logic layer imports for wx.canIUse — must not drag along.
package imagesrc
