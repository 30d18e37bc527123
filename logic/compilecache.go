package logic

import (
	"crypto/sha256"
	"sync"
)

// The compile cache keeps compiled package scripts across runtimes, so a
// page opened again (the preview reloading after an edit, a test suite
// opening many pages) does not run esbuild and goja's compiler again for
// files that did not change. It is bounded by total source size (a
// compiled program and its source map take several times their source);
// when full it is emptied and refills with what is used next. Files above
// compileCacheFile are not kept.
const (
	compileCacheBytes   = 32 << 20
	compileCacheFile    = 2 << 20
	compileCacheEntries = 4096
)

var compiled = &compileCache{m: map[[32]byte]*compiledModule{}}

type compileCache struct {
	mu    sync.Mutex
	m     map[[32]byte]*compiledModule
	bytes int
}

// cacheKey names a file's content at its package path (positions and
// error messages name the path, so the same text elsewhere is another
// entry).
func cacheKey(file string, src []byte) [32]byte {
	h := sha256.New()
	h.Write([]byte(file))
	h.Write([]byte{0})
	h.Write(src)
	var k [32]byte
	h.Sum(k[:0])
	return k
}

func (c *compileCache) get(k [32]byte) (*compiledModule, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	m, ok := c.m[k]
	return m, ok
}

func (c *compileCache) put(k [32]byte, m *compiledModule, size int) {
	if size > compileCacheFile {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.bytes+size > compileCacheBytes || len(c.m) >= compileCacheEntries {
		clear(c.m)
		c.bytes = 0
	}
	c.m[k] = m
	c.bytes += size
}
