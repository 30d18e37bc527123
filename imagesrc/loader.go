package imagesrc

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"image"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/skyline-go/skyline/diag"
)

// Kind is what a src names.
type Kind uint8

const (
	// Local is a package path ("/images/a.png", "../a.png").
	Local Kind = iota
	// Data is a data: URL.
	Data
	// Remote is an http: or https: URL.
	Remote
	// Unsupported is a URL of another scheme (wxfile://, cloud://, ftp://),
	// which a renderer cannot load.
	Unsupported
)

// KindOf says what src names. A src is a URL when it starts with "data:"
// or has "://" (widgets.IsRemoteImage's rule); anything else is a
// package path.
func KindOf(src string) Kind {
	if len(src) >= 5 && strings.EqualFold(src[:5], "data:") {
		return Data
	}
	i := strings.Index(src, "://")
	if i < 0 {
		return Local
	}
	switch strings.ToLower(src[:i]) {
	case "http", "https":
		return Remote
	}
	return Unsupported
}

// Files reads package files by package path; *engine.Package satisfies
// it (its sandbox refuses paths outside the package, devices and files
// above its size limit).
type Files interface {
	Read(rel string) ([]byte, error)
}

// ErrOffline is the error of a remote src in offline mode (or from a nil
// *Loader): nothing was fetched, and the image's box keeps its size.
var ErrOffline = errors.New("offline: remote images are not fetched (the box keeps its size)")

// Defaults of Options.
const (
	DefaultConnectTimeout = 10 * time.Second
	DefaultTimeout        = 30 * time.Second
	// DefaultParallel bounds the fetches running at once.
	DefaultParallel = 6
)

// Options configure a Loader. The zero value fetches with the default
// timeouts and limits and caches on disk under os.UserCacheDir().
type Options struct {
	// Offline fetches nothing and reads no cache: every remote src is an
	// ErrOffline error (render -offline; golden tests).
	Offline bool
	// CacheDir is the on-disk cache ("": os.UserCacheDir()/skyline-go/images;
	// when that is unknown, no disk cache). NoDiskCache turns it off.
	CacheDir    string
	NoDiskCache bool
	// ConnectTimeout bounds connecting (and the TLS handshake); Timeout the
	// whole fetch, body included. ≤ 0: the defaults.
	ConnectTimeout, Timeout time.Duration
	// MaxBytes bounds one image's encoded bytes (≤ 0: DefaultMaxBytes);
	// MaxPixels its decoded pixels (≤ 0: raster.DefaultMaxPixels).
	MaxBytes  int64
	MaxPixels int
	// OnArrive, when set, is called when a remote fetch that Load started
	// ends, in success or failure, from the fetching goroutine: the host
	// wakes its frame loop, whose next Update picks the picture up.
	OnArrive func(src string)
	// Client replaces the HTTP client built from the timeouts.
	Client *http.Client
}

// Loader loads srcs of every kind. Remote bytes are fetched once per URL
// and loader (a failure too is kept: a page that re-renders does not
// fetch it again), kept in memory and in the disk cache. A Loader is safe
// for concurrent use; a nil *Loader loads package files and data: URLs
// and is offline.
type Loader struct {
	opts     Options
	client   *http.Client
	dir      string
	sem      chan struct{}
	mu       sync.Mutex
	calls    map[string]*call
	gen      atomic.Uint64
	wg       sync.WaitGroup
	requests atomic.Int64
}

// call is one URL's fetch: done is closed when data, err are set.
type call struct {
	done chan struct{}
	data []byte
	mt   string
	err  error
}

// New makes a Loader.
func New(opts Options) *Loader {
	if opts.ConnectTimeout <= 0 {
		opts.ConnectTimeout = DefaultConnectTimeout
	}
	if opts.Timeout <= 0 {
		opts.Timeout = DefaultTimeout
	}
	if opts.MaxBytes <= 0 {
		opts.MaxBytes = DefaultMaxBytes
	}
	l := &Loader{opts: opts, calls: map[string]*call{}, sem: make(chan struct{}, DefaultParallel)}
	if !opts.NoDiskCache && !opts.Offline {
		l.dir = opts.CacheDir
		if l.dir == "" {
			if d, err := os.UserCacheDir(); err == nil {
				l.dir = filepath.Join(d, "skyline-go", "images")
			}
		}
	}
	l.client = opts.Client
	if l.client == nil {
		dialer := &net.Dialer{Timeout: opts.ConnectTimeout}
		l.client = &http.Client{
			Transport: &http.Transport{
				Proxy:                 http.ProxyFromEnvironment,
				DialContext:           dialer.DialContext,
				TLSHandshakeTimeout:   opts.ConnectTimeout,
				ResponseHeaderTimeout: opts.Timeout,
				MaxIdleConnsPerHost:   DefaultParallel,
			},
			Timeout: opts.Timeout,
			CheckRedirect: func(req *http.Request, via []*http.Request) error {
				if len(via) >= 10 {
					return errors.New("more than 10 redirects")
				}
				if s := req.URL.Scheme; s != "http" && s != "https" {
					return fmt.Errorf("redirect to a %s: URL", s)
				}
				return nil
			},
		}
	}
	return l
}

// Offline reports whether l fetches nothing.
func (l *Loader) Offline() bool { return l == nil || l.opts.Offline }

// CacheDir is the on-disk cache directory ("" when there is none).
func (l *Loader) CacheDir() string {
	if l == nil {
		return ""
	}
	return l.dir
}

// Generation moves on each time a remote fetch ends: a renderer that saw
// Pending answers compares it with the value it had to know that some
// picture arrived.
func (l *Loader) Generation() uint64 {
	if l == nil {
		return 0
	}
	return l.gen.Load()
}

// Requests is the number of HTTP requests made (the disk cache answers
// the others).
func (l *Loader) Requests() int64 {
	if l == nil {
		return 0
	}
	return l.requests.Load()
}

// Wait waits until no fetch is running, or ctx ends (headless renders:
// the first frame starts the fetches, the second draws the pictures).
func (l *Loader) Wait(ctx context.Context) error {
	if l == nil {
		return nil
	}
	done := make(chan struct{})
	go func() { l.wg.Wait(); close(done) }()
	select {
	case <-done:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// Request is one src to load.
type Request struct {
	Src string
	// Files reads package paths (Local srcs); nil refuses them.
	Files Files
	// Size, Scale: DecodeOptions (SVG pictures' raster size).
	Size  image.Point
	Scale float64
	// MaxPixels lowers the decode budget for this image (a page's
	// remaining budget); ≤ 0: the loader's.
	MaxPixels int
}

// Result is a Load's answer: a picture, an error, or Pending.
type Result struct {
	Img *image.RGBA
	Err error
	// Pending: a remote picture is on its way; ask again after
	// Generation moves on (Options.OnArrive says when).
	Pending bool
}

// Load loads r.Src. It never blocks on the network: a remote src whose
// fetch has not ended is Pending, and its fetch is started.
func (l *Loader) Load(r Request) Result {
	o := DecodeOptions{Size: r.Size, Scale: r.Scale, MaxPixels: l.maxPixels(r.MaxPixels)}
	switch KindOf(r.Src) {
	case Data:
		d, err := ParseDataURL(r.Src, l.maxBytes())
		if err != nil {
			return Result{Err: err}
		}
		o.MediaType = d.MediaType
		return decoded(r.Src, "data: URL", d.Data, o)
	case Remote:
		if l.Offline() {
			return Result{Err: ErrOffline}
		}
		c := l.start(r.Src)
		select {
		case <-c.done:
		default:
			return Result{Pending: true}
		}
		if c.err != nil {
			return Result{Err: c.err}
		}
		o.MediaType = c.mt
		return decoded(r.Src, r.Src, c.data, o)
	case Unsupported:
		scheme, _, _ := strings.Cut(r.Src, "://")
		return Result{Err: fmt.Errorf("%s: URLs are not supported (only package paths, data: and http(s): URLs)", scheme)}
	}
	if r.Files == nil {
		return Result{Err: errors.New("no package to read it from")}
	}
	data, err := r.Files.Read(r.Src)
	if err != nil {
		return Result{Err: err}
	}
	return decoded(r.Src, r.Src, data, o)
}

// decoded decodes a src's bytes; a failure is an *Error whose message
// does not repeat the src (the caller's message names it).
func decoded(src, name string, data []byte, o DecodeOptions) Result {
	img, err := Decode(name, data, o)
	if err != nil {
		msg := err.Error()
		var dg diag.Diagnostic
		if errors.As(err, &dg) {
			msg = dg.Msg
		}
		return Result{Err: &Error{Src: src, Offset: -1, Msg: msg, Err: err}}
	}
	return Result{Img: img}
}

// Fetch returns the bytes of a remote URL and its declared media type,
// waiting for them (a fetch already running for the URL is joined).
func (l *Loader) Fetch(ctx context.Context, src string) ([]byte, string, error) {
	if KindOf(src) != Remote {
		return nil, "", fmt.Errorf("%q is not an http(s) URL", src)
	}
	if l.Offline() {
		return nil, "", ErrOffline
	}
	c := l.start(src)
	select {
	case <-c.done:
		return c.data, c.mt, c.err
	case <-ctx.Done():
		return nil, "", ctx.Err()
	}
}

func (l *Loader) maxBytes() int64 {
	if l == nil || l.opts.MaxBytes <= 0 {
		return DefaultMaxBytes
	}
	return l.opts.MaxBytes
}

func (l *Loader) maxPixels(req int) int {
	m := 0
	if l != nil {
		m = l.opts.MaxPixels
	}
	if req > 0 && (m <= 0 || req < m) {
		m = req
	}
	return m
}

// start returns the URL's call, starting its fetch the first time.
func (l *Loader) start(src string) *call {
	l.mu.Lock()
	defer l.mu.Unlock()
	if c, ok := l.calls[src]; ok {
		return c
	}
	c := &call{done: make(chan struct{})}
	l.calls[src] = c
	l.wg.Add(1)
	go func() {
		defer l.wg.Done()
		c.data, c.mt, c.err = l.get(src)
		close(c.done)
		l.gen.Add(1)
		if l.opts.OnArrive != nil {
			l.opts.OnArrive(src)
		}
	}()
	return c
}

// get reads src from the disk cache or the network. The cache keeps a
// picture forever under the SHA-256 of its URL: no max-age, no
// revalidation (a changed picture needs a new URL or an emptied cache).
func (l *Loader) get(src string) ([]byte, string, error) {
	key := ""
	if l.dir != "" {
		sum := sha256.Sum256([]byte(src))
		key = filepath.Join(l.dir, hex.EncodeToString(sum[:]))
		if data, ok := l.readCache(key); ok {
			return data, "", nil
		}
	}
	l.sem <- struct{}{}
	defer func() { <-l.sem }()
	data, mt, err := l.download(src)
	if err != nil {
		return nil, "", err
	}
	if key != "" {
		l.writeCache(key, data) // a cache that cannot be written only costs a fetch next time
	}
	return data, mt, nil
}

func (l *Loader) readCache(path string) ([]byte, bool) {
	st, err := os.Stat(path)
	if err != nil || !st.Mode().IsRegular() || st.Size() > l.maxBytes() {
		return nil, false
	}
	data, err := os.ReadFile(path)
	if err != nil || int64(len(data)) > l.maxBytes() {
		return nil, false
	}
	return data, true
}

func (l *Loader) writeCache(path string, data []byte) {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return
	}
	f, err := os.CreateTemp(filepath.Dir(path), ".tmp-*")
	if err != nil {
		return
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(f.Name(), path)
	}
	if err != nil {
		os.Remove(f.Name())
	}
}

// download fetches src within the timeouts and the byte limit.
func (l *Loader) download(src string) ([]byte, string, error) {
	ctx, cancel := context.WithTimeout(context.Background(), l.opts.Timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, src, nil)
	if err != nil {
		return nil, "", fmt.Errorf("bad URL: %v", unwrapURLError(err))
	}
	req.Header.Set("Accept", "image/webp,image/png,image/svg+xml,image/*;q=0.8,*/*;q=0.5")
	l.requests.Add(1)
	resp, err := l.client.Do(req)
	if err != nil {
		return nil, "", l.netError(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, "", fmt.Errorf("HTTP %s", resp.Status)
	}
	limit := l.maxBytes()
	if resp.ContentLength > limit {
		return nil, "", fmt.Errorf("%d bytes, above the %d-byte image limit", resp.ContentLength, limit)
	}
	data, err := io.ReadAll(io.LimitReader(resp.Body, limit+1))
	if err != nil {
		return nil, "", l.netError(err)
	}
	if int64(len(data)) > limit {
		return nil, "", fmt.Errorf("more than the %d-byte image limit", limit)
	}
	return data, resp.Header.Get("Content-Type"), nil
}

// netError says what went wrong without repeating the URL (the caller's
// message names the src).
func (l *Loader) netError(err error) error {
	var ne net.Error
	if errors.Is(err, context.DeadlineExceeded) || errors.As(err, &ne) && ne.Timeout() {
		return fmt.Errorf("timed out (connect %v, whole fetch %v)", l.opts.ConnectTimeout, l.opts.Timeout)
	}
	return unwrapURLError(err)
}

func unwrapURLError(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		return ue.Err
	}
	return err
}
