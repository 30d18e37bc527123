package engine

import (
	"github.com/skyline-go/skyline/layout"
	"github.com/skyline-go/skyline/scroll"
)

type builderState struct{}

func (b *builderState) reset(sv *scrollView) {}

func (sv *scrollView) builderSliver(c layout.NodeID) scroll.Sliver { return nil }
