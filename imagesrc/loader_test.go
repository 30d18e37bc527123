package imagesrc

import (
	"bytes"
	"context"
	"errors"
	"image"
	"image/color"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// server is a local image server on 127.0.0.1 that counts its requests by
// path. Nothing in these tests reaches any other address.
type server struct {
	*httptest.Server
	mu    sync.Mutex
	count map[string]int
	gate  chan struct{} // /gated waits for it
}

func newServer(t *testing.T) *server {
	s := &server{count: map[string]int{}, gate: make(chan struct{})}
	pngData := testPNG(t)
	mux := http.NewServeMux()
	mux.HandleFunc("/ok.png", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "image/png")
		w.Write(pngData)
	})
	mux.HandleFunc("/icon.svg", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "image/svg+xml")
		w.Write([]byte(icon))
	})
	mux.HandleFunc("/slow.png", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-time.After(5 * time.Second):
		}
	})
	mux.HandleFunc("/big.png", func(w http.ResponseWriter, r *http.Request) {
		w.Write(pngData) // no Content-Length: the body runs past the limit
		w.(http.Flusher).Flush()
		w.Write(bytes.Repeat([]byte{0}, 4096))
	})
	mux.HandleFunc("/big-declared.png", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Length", "100000000")
		w.WriteHeader(200)
	})
	mux.HandleFunc("/hostile.png", func(w http.ResponseWriter, r *http.Request) {
		w.Write(append([]byte("\x89PNG\r\n\x1a\n"), bytes.Repeat([]byte{0xff}, 64)...))
	})
	mux.HandleFunc("/gated.png", func(w http.ResponseWriter, r *http.Request) {
		<-s.gate
		w.Write(pngData)
	})
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.count[r.URL.Path]++
		s.mu.Unlock()
		mux.ServeHTTP(w, r)
	}))
	t.Cleanup(s.Close)
	return s
}

func (s *server) hits(path string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.count[path]
}

// loadWait loads src, waits for its fetch and loads it again.
func loadWait(t *testing.T, l *Loader, src string) Result {
	t.Helper()
	r := l.Load(Request{Src: src})
	if !r.Pending {
		return r
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := l.Wait(ctx); err != nil {
		t.Fatalf("Wait: %v", err)
	}
	r = l.Load(Request{Src: src})
	if r.Pending {
		t.Fatalf("%s still pending after Wait", src)
	}
	return r
}

func TestRemoteSuccessAndCache(t *testing.T) {
	s := newServer(t)
	dir := t.TempDir()
	var arrived atomic.Int32
	l := New(Options{CacheDir: dir, OnArrive: func(string) { arrived.Add(1) }})
	src := s.URL + "/ok.png"
	r := l.Load(Request{Src: src})
	if !r.Pending || r.Img != nil || r.Err != nil {
		t.Fatalf("first Load: %+v, want Pending (the page renders with the box empty)", r)
	}
	g := l.Generation()
	r = loadWait(t, l, src)
	if r.Err != nil {
		t.Fatal(r.Err)
	}
	wantTestPNG(t, r.Img)
	if l.Generation() == g && g == 0 || arrived.Load() != 1 {
		t.Errorf("generation %d → %d, OnArrive %d times; want a move and one call", g, l.Generation(), arrived.Load())
	}
	wantTestPNG(t, load(t, l, src)) // from memory
	if n := s.hits("/ok.png"); n != 1 {
		t.Errorf("server saw %d requests, want 1", n)
	}
	// A new loader (a new page, a new run) on the same cache directory
	// does not ask the server again.
	l2 := New(Options{CacheDir: dir})
	wantTestPNG(t, loadWait(t, l2, src).Img)
	if n := s.hits("/ok.png"); n != 1 || l2.Requests() != 0 {
		t.Errorf("after a cached load the server saw %d requests (loader made %d), want 1 (0)", n, l2.Requests())
	}
}

func TestRemoteSVG(t *testing.T) {
	s := newServer(t)
	l := New(Options{NoDiskCache: true})
	src := s.URL + "/icon.svg"
	loadWait(t, l, src)
	r := l.Load(Request{Src: src, Size: image.Pt(48, 48)})
	if r.Err != nil {
		t.Fatal(r.Err)
	}
	if r.Img.Rect.Dx() != 48 {
		t.Fatalf("size %v, want 48×48", r.Img.Rect)
	}
	checkPixels(t, r.Img, map[image.Point]color.RGBA{{2, 2}: red, {36, 16}: blue, {36, 4}: clear, {10, 44}: green})
}

func TestRemoteFailures(t *testing.T) {
	s := newServer(t)
	l := New(Options{NoDiskCache: true, Timeout: 300 * time.Millisecond, MaxBytes: 1024, MaxPixels: 1 << 20})
	for path, want := range map[string]string{
		"/missing.png":      "HTTP 404 Not Found",
		"/slow.png":         "timed out",
		"/big.png":          "more than the 1024-byte image limit",
		"/big-declared.png": "100000000 bytes, above the 1024-byte image limit",
		"/hostile.png":      "cannot decode",
	} {
		start := time.Now()
		r := loadWait(t, l, s.URL+path)
		if r.Err == nil || !strings.Contains(r.Err.Error(), want) {
			t.Errorf("%s: err %v, want %q", path, r.Err, want)
		}
		if strings.Contains(r.Err.Error(), "127.0.0.1") {
			t.Errorf("%s: the message repeats the URL: %v", path, r.Err)
		}
		if d := time.Since(start); d > 3*time.Second {
			t.Errorf("%s took %v", path, d)
		}
	}
	// A failure is kept: loading again does not fetch again.
	loadWait(t, l, s.URL+"/missing.png")
	if n := s.hits("/missing.png"); n != 1 {
		t.Errorf("/missing.png fetched %d times, want 1", n)
	}
}

func TestRemoteDeduplicated(t *testing.T) {
	s := newServer(t)
	l := New(Options{NoDiskCache: true})
	src := s.URL + "/gated.png"
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			data, _, err := l.Fetch(context.Background(), src)
			if err == nil && len(data) == 0 {
				err = errors.New("no bytes")
			}
			errs <- err
		}()
	}
	for range 4 {
		if r := l.Load(Request{Src: src}); !r.Pending {
			t.Errorf("Load during the fetch: %+v, want Pending", r)
		}
	}
	close(s.gate)
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Error(err)
		}
	}
	if n := s.hits("/gated.png"); n != 1 {
		t.Errorf("server saw %d requests for 12 concurrent loads, want 1", n)
	}
}

func TestOffline(t *testing.T) {
	s := newServer(t)
	dir := t.TempDir()
	// Warm the cache: offline mode must not read it either.
	loadWait(t, New(Options{CacheDir: dir}), s.URL+"/ok.png")
	for name, l := range map[string]*Loader{"Offline": New(Options{Offline: true, CacheDir: dir}), "nil": nil} {
		r := l.Load(Request{Src: s.URL + "/ok.png"})
		if r.Pending || r.Img != nil || !errors.Is(r.Err, ErrOffline) {
			t.Errorf("%s: %+v, want ErrOffline", name, r)
		}
		if _, _, err := l.Fetch(context.Background(), s.URL+"/ok.png"); !errors.Is(err, ErrOffline) {
			t.Errorf("%s Fetch: %v", name, err)
		}
		// data: URLs need no network and still load.
		wantTestPNG(t, load(t, l, "data:image/png;base64,"+b64(string(testPNG(t)))))
	}
	if n := s.hits("/ok.png"); n != 1 {
		t.Errorf("server saw %d requests, want only the warming one", n)
	}
}

// memFiles is a package of files in memory.
type memFiles map[string][]byte

func (m memFiles) Read(rel string) ([]byte, error) {
	if b, ok := m[rel]; ok {
		return b, nil
	}
	return nil, errors.New("file does not exist")
}

func TestLocalFiles(t *testing.T) {
	files := memFiles{"img/a.png": testPNG(t), "img/i.svg": []byte(icon)}
	r := (*Loader)(nil).Load(Request{Src: "img/a.png", Files: files})
	if r.Err != nil {
		t.Fatal(r.Err)
	}
	wantTestPNG(t, r.Img)
	r = (*Loader)(nil).Load(Request{Src: "img/i.svg", Files: files, Scale: 3})
	if r.Err != nil || r.Img.Rect.Dx() != 72 {
		t.Fatalf("svg file: %v %v", r.Err, r.Img)
	}
	if r := (*Loader)(nil).Load(Request{Src: "img/none.png", Files: files}); r.Err == nil {
		t.Error("a missing file loaded")
	}
	if r := (*Loader)(nil).Load(Request{Src: "img/a.png"}); r.Err == nil {
		t.Error("a package path loaded without a package")
	}
}
