package core

import (
	"bytes"
	"testing"
)

// recorder is a PixelSink that keeps what was uploaded.
type recorder struct {
	got [][]byte
}

func (r *recorder) WritePixels(pix []byte) { r.got = append(r.got, bytes.Clone(pix)) }

func fill(b []byte, v byte) {
	for i := range b {
		b[i] = v
	}
}

func TestFrameSyncUploadsOnlyChanges(t *testing.T) {
	var f FrameSync
	var sink recorder
	if f.Current() != nil {
		t.Fatal("Current before any Present")
	}
	steps := []struct {
		name       string
		w, h       int
		value      byte
		wantUpload bool
	}{
		{"first frame", 4, 3, 10, true},
		{"same frame", 4, 3, 10, false},
		{"same frame again", 4, 3, 10, false},
		{"changed frame", 4, 3, 20, true},
		{"back to the first picture", 4, 3, 10, true},
		{"unchanged after swap", 4, 3, 10, false},
		{"new size, same value", 5, 3, 10, true},
		{"zero frame after a size change", 2, 2, 0, true},
		{"zero frame again", 2, 2, 0, false},
	}
	uploads := 0
	for _, s := range steps {
		back := f.BackBuffer(s.w, s.h)
		if len(back.Pix) != 4*s.w*s.h {
			t.Fatalf("%s: back buffer %v", s.name, back.Rect)
		}
		for _, p := range back.Pix {
			if p != 0 {
				t.Fatalf("%s: back buffer not cleared", s.name)
			}
		}
		fill(back.Pix, s.value)
		if got := f.Present(&sink); got != s.wantUpload {
			t.Errorf("%s: Present = %v, want %v", s.name, got, s.wantUpload)
		}
		if s.wantUpload {
			uploads++
		}
		if f.Uploads != uploads || len(sink.got) != uploads {
			t.Fatalf("%s: Uploads = %d, sink saw %d, want %d", s.name, f.Uploads, len(sink.got), uploads)
		}
		cur := f.Current()
		if cur == nil || cur.Rect.Dx() != s.w || cur.Pix[0] != s.value {
			t.Errorf("%s: Current does not hold the frame", s.name)
		}
		if last := sink.got[len(sink.got)-1]; !bytes.Equal(last, cur.Pix) {
			t.Errorf("%s: screen (last upload) differs from Current", s.name)
		}
	}
}

func TestFrameSyncPresentAllocatesNothing(t *testing.T) {
	var f FrameSync
	var sink countSink
	allocs := testing.AllocsPerRun(100, func() {
		f.BackBuffer(64, 64)
		f.Present(&sink)
	})
	if allocs != 0 {
		t.Errorf("BackBuffer+Present allocate %v times per frame, want 0", allocs)
	}
}

type countSink struct{ n int }

func (c *countSink) WritePixels([]byte) { c.n++ }

func BenchmarkFrameSyncUnchanged(b *testing.B) {
	// iPhone X: 1125×2436 device pixels, the largest preset.
	var f FrameSync
	var sink countSink
	fill(f.BackBuffer(1125, 2436).Pix, 7)
	f.Present(&sink)
	b.SetBytes(1125 * 2436 * 4)
	for b.Loop() {
		fill(f.BackBuffer(1125, 2436).Pix, 7)
		f.Present(&sink)
	}
	if sink.n != 1 {
		b.Fatalf("%d uploads of an unchanged frame", sink.n)
	}
}
