// Command skylinecapi is the embedding API (package host) as a C ABI:
//
//	go build -buildmode=c-shared -o libskyline.so ./cmd/skylinecapi
//
// writes libskyline.so and its header libskyline.h (scripts/hosts.sh
// renames it skyline.h). The functions (sky_open, sky_set_data,
// sky_set_component_data, sky_touch, sky_tap, sky_wheel, sky_advance,
// sky_answer_modal, sky_resize, sky_frame_size, sky_render, sky_layout_dump,
// sky_drain_events, sky_free_string, sky_close, sky_last_error) and the
// SKY_* error codes are listed in the header with their comments;
// examples/host-c/main.c is a sample host.
//
// Return values: a negative number is -code (SKY_ERR_*, host.Code's
// numbers) and sky_last_error(handle) says why; 0 or more is success (1/0
// for "the page took the input" or "something changed"). Strings the
// library returns are malloc'd: free them with sky_free_string.
//
// Thread rules:
//   - Any thread may call any function; the Go runtime starts its own
//     threads when the library loads (do not fork after loading it).
//   - Calls on one handle are serialised by the handle's mutex: a second
//     thread blocks until the first call returns. Different handles run in
//     parallel.
//   - sky_last_error(h) is the message of the latest failed call on h
//     (handle 0: of sky_open and of calls with unknown handles). It is
//     exact when each handle is used by one thread at a time; with several
//     threads another thread's failure may replace it.
//   - Input strings and the options JSON are copied before a call returns;
//     sky_render writes the caller's buffer only during the call.
//   - After sky_close(h) every call with h fails with SKY_ERR_NO_SESSION.
//
// It imports host. The C test shim (shim.go) is compiled in only to test
// the exported functions through cgo (capi_test.go, run with -race).
package main
