package engine

import "github.com/skyline-go/skyline/layout"

// layerCache holds the cached raster layers of one scroll-view's units.
type layerCache struct {
	m map[layout.NodeID]*unitLayer
}

type unitLayer struct{}

func (c *layerCache) release(id layout.NodeID) { delete(c.m, id) }
func (c *layerCache) releaseAll()              { clear(c.m) }
func (c *layerCache) compose(pt *painter, sv *scrollView, id layout.NodeID) bool {
	return false
}
