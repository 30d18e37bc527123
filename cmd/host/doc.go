// Command host serves the embedding API (package host) as JSON lines over
// stdin and stdout, for shell hosts that cannot load a shared library: one
// request a line in, one reply a line out, in order. The README's
// "Embedding" section is the protocol's spec (message table, an example
// session); frames come back as PNG bytes (base64) or are written as raw
// RGBA or PNG to a file the host names (a shared-memory file under /dev/shm
// is rewritten in place, so a host may keep it mapped).
//
// A malformed line gets an error reply and the command keeps serving; a
// crash inside one page's operation is an error reply for that request
// (code "panic") and every session keeps serving. Diagnostics never go to
// stdout: stderr only.
//
// It imports host.
package main
