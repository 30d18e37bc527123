/*
 * A sample shell host in C: it loads libskyline.so (go build
 * -buildmode=c-shared ./cmd/skylinecapi), opens the host-demo page, taps its
 * button, receives the handler call, answers with setData, and saves the
 * frame as a binary PPM. scripts/hosts.sh builds and runs it:
 *
 *   cc -o host-c main.c -I DIR -L DIR -lskyline -Wl,-rpath,DIR
 *   ./host-c testdata/host-demo frame.ppm
 *
 * It prints what it received (the events as JSON, the swatch pixel before
 * and after, the dirty rectangle) and exits non-zero on any failure.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "skyline.h"

static int fail(const char *what, long long rc, int64_t h) {
	char *msg = sky_last_error(h);
	fprintf(stderr, "host-c: %s failed (%lld): %s\n", what, rc, msg);
	sky_free_string(msg);
	return 1;
}

static void pixel(const unsigned char *rgba, int stride, int x, int y, char out[7]) {
	const unsigned char *p = rgba + y * stride + 4 * x;
	snprintf(out, 7, "%02x%02x%02x", p[0], p[1], p[2]);
}

int main(int argc, char **argv) {
	if (argc != 3) {
		fprintf(stderr, "usage: host-c PAGE OUT.ppm\n");
		return 2;
	}
	char opts[4096];
	snprintf(opts, sizeof opts, "{\"page\": \"%s\", \"width\": 375, \"height\": 667, \"dpr\": 1}", argv[1]);
	int64_t h = sky_open(opts);
	if (h <= 0) return fail("sky_open", h, 0);

	int w = 0, hh = 0;
	int rc = sky_frame_size(h, &w, &hh);
	if (rc < 0) return fail("sky_frame_size", rc, h);
	int stride = 4 * w;
	unsigned char *rgba = malloc((size_t)stride * hh);
	int dirty[4];
	char px[7];
	rc = sky_render(h, rgba, w, hh, stride, dirty);
	if (rc < 0) return fail("sky_render", rc, h);
	pixel(rgba, stride, 100, 150, px);
	printf("swatch before: %s\n", px);

	/* The button is at (16, 49) 343 x 44 CSS px: tap its middle at 100 ms. */
	rc = sky_tap(h, 100, 70, 100);
	if (rc < 0) return fail("sky_tap", rc, h);
	printf("tap taken: %d\n", rc);

	char *events = sky_drain_events(h);
	if (!events) return fail("sky_drain_events", 0, h);
	printf("events: %s\n", events);
	int got = strstr(events, "\"handler\":\"onGo\"") != NULL;
	sky_free_string(events);
	if (!got) {
		fprintf(stderr, "host-c: no onGo handler call among the events\n");
		return 1;
	}

	/* The host runs the logic: the handler's answer. */
	rc = sky_set_data(h, "{\"on\": true, \"title\": \"tapped from C\"}");
	if (rc < 0) return fail("sky_set_data", rc, h);
	rc = sky_render(h, rgba, w, hh, stride, dirty);
	if (rc < 0) return fail("sky_render", rc, h);
	pixel(rgba, stride, 100, 150, px);
	printf("swatch after: %s\n", px);
	printf("dirty: %d %d %d %d\n", dirty[0], dirty[1], dirty[2], dirty[3]);

	char *dump = sky_layout_dump(h);
	if (!dump) return fail("sky_layout_dump", 0, h);
	printf("layout has \"swatch on\": %s\n", strstr(dump, "\"class\": \"swatch on\"") ? "yes" : "no");
	sky_free_string(dump);

	FILE *f = fopen(argv[2], "wb");
	if (!f) {
		perror(argv[2]);
		return 1;
	}
	fprintf(f, "P6\n%d %d\n255\n", w, hh);
	for (int y = 0; y < hh; y++) {
		for (int x = 0; x < w; x++) fwrite(rgba + y * stride + 4 * x, 1, 3, f);
	}
	if (fclose(f) != 0) {
		perror(argv[2]);
		return 1;
	}
	free(rgba);
	rc = sky_close(h);
	if (rc < 0) return fail("sky_close", rc, 0);
	printf("wrote %s\n", argv[2]);
	return 0;
}
