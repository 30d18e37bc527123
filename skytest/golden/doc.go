// Package golden compares rendered frames with reference PNGs: a tolerance
// (levels per channel, a fraction of pixels beyond it), an update switch
// that rewrites the reference, and on failure the frame and a diff image
// written where they outlive the test. It is the one golden mechanism of the
// project and of skytest's users.
//
// It imports only the standard library, so any package's tests may use it
// (skytest itself imports the engine, which the engine's own tests cannot).
package golden
