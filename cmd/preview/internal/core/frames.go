package core

import (
	"fmt"
	"image"
	"image/color"
	"time"
)

// The frame-time overlay (key F): the last FrameLogSize frames as stacked
// bars, one stage a colour, against the 60 Hz budget line, with the last
// frame's numbers below. A frame is one page render: idle, nothing is
// recorded and nothing is drawn again.

// FrameLogSize is how many frames the overlay keeps.
const FrameLogSize = 120

// Budget is one frame at 60 Hz.
const Budget = time.Second / 60

// Stage indexes FrameSample.Times.
type Stage int

const (
	StageScript  Stage = iota // the page's scripts: handlers, timers, setData applied (app pump)
	StageStyle                // restyle
	StageLayout               // relayout
	StagePaint                // display list and rasterising
	StageDisplay              // the window: comparing, uploading and composing the frame
	NumStages
)

var stageNames = [NumStages]string{"script", "style", "layout", "paint", "display"}

// StageColors are the bars' colours, after Chrome DevTools' performance
// panel (scripting yellow, rendering purples, painting green, system grey).
var StageColors = [NumStages]color.RGBA{
	{0xf1, 0xc4, 0x53, 0xff},
	{0xaf, 0x7d, 0xd6, 0xff},
	{0x8d, 0x60, 0xc9, 0xff},
	{0x6f, 0xbf, 0x73, 0xff},
	{0x9e, 0x9e, 0x9e, 0xff},
}

func (s Stage) String() string { return stageNames[s] }

// FrameSample is one frame's cost.
type FrameSample struct {
	Times [NumStages]time.Duration
	// Restyled, Relaid and Painted are the engine's counts
	// (engine.FrameStats); Builder is the live list-builder items.
	Restyled, Relaid, Painted, Builder int
}

// Total is the frame's time over all stages.
func (s FrameSample) Total() time.Duration {
	var t time.Duration
	for _, d := range s.Times {
		t += d
	}
	return t
}

// FrameLog is a ring of the last FrameLogSize samples.
type FrameLog struct {
	buf   [FrameLogSize]FrameSample
	n     int // samples held
	next  int // where the next goes
	Count int // samples ever added
}

// Add records a frame.
func (l *FrameLog) Add(s FrameSample) {
	l.buf[l.next] = s
	l.next = (l.next + 1) % FrameLogSize
	l.n = min(l.n+1, FrameLogSize)
	l.Count++
}

// AddDisplay adds d to the newest sample's display time (the window
// composes a frame after it was recorded).
func (l *FrameLog) AddDisplay(d time.Duration) {
	if l.n == 0 {
		return
	}
	l.buf[(l.next+FrameLogSize-1)%FrameLogSize].Times[StageDisplay] += d
}

// Len is the number of samples held.
func (l *FrameLog) Len() int { return l.n }

// At returns the i-th sample held, oldest first.
func (l *FrameLog) At(i int) FrameSample {
	return l.buf[(l.next-l.n+i+2*FrameLogSize)%FrameLogSize]
}

// Last is the newest sample (zero when none).
func (l *FrameLog) Last() FrameSample {
	if l.n == 0 {
		return FrameSample{}
	}
	return l.At(l.n - 1)
}

// Frame graph geometry in CSS px (the window scales it by the DPR, as the
// message panel).
const (
	GraphBarW  = 2
	GraphH     = 60
	GraphPad   = 4
	GraphLines = 3          // text lines under the graph
	GraphScale = 2 * Budget // the graph's full height
	graphW     = FrameLogSize * GraphBarW
	graphCols  = 58 // the text lines' width in glyphs
)

// GraphSize is the overlay panel's size in CSS px.
func GraphSize() (w, h int) {
	return max(graphW, graphCols*GlyphW) + 2*GraphPad, GraphPad + GraphH + GraphPad + GraphLines*GlyphH + GraphPad
}

var (
	graphBack   = color.RGBA{0, 0, 0, 0xd0} // premultiplied, as panelColor
	budgetColor = color.RGBA{0xe5, 0x39, 0x35, 0xff}
)

// BudgetY is the budget line's row in the panel image.
func BudgetY() int { return GraphPad + GraphH - int(int64(GraphH)*int64(Budget)/int64(GraphScale)) }

// DrawFrameGraph draws the log's bars into a new panel image (CSS px,
// GraphSize): the newest frame at the right, each bar's stages stacked
// bottom-up in Stage order, clipped at the top (a frame over twice the
// budget fills the height), and the budget line across. The text lines
// (FrameText) go below, drawn by the window.
func DrawFrameGraph(l *FrameLog) *image.RGBA {
	w, h := GraphSize()
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	fillRect(img, img.Rect, graphBack)
	bottom := GraphPad + GraphH
	x0 := GraphPad + graphW - l.Len()*GraphBarW
	for i := 0; i < l.Len(); i++ {
		s := l.At(i)
		x := x0 + i*GraphBarW
		var acc time.Duration
		for st := Stage(0); st < NumStages; st++ {
			y1 := bottom - barPx(acc)
			acc += s.Times[st]
			y0 := bottom - barPx(acc)
			if y0 < y1 {
				fillRect(img, image.Rect(x, y0, x+GraphBarW, y1), StageColors[st])
			}
		}
	}
	by := BudgetY()
	fillRect(img, image.Rect(GraphPad, by, GraphPad+graphW, by+1), budgetColor)
	return img
}

// barPx is a duration's height in px, at most GraphH.
func barPx(d time.Duration) int {
	return int(min(int64(GraphH), (int64(d)*int64(GraphH)+int64(GraphScale)/2)/int64(GraphScale)))
}

func fillRect(img *image.RGBA, r image.Rectangle, c color.RGBA) {
	r = r.Intersect(img.Rect)
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			i := img.PixOffset(x, y)
			img.Pix[i], img.Pix[i+1], img.Pix[i+2], img.Pix[i+3] = c.R, c.G, c.B, c.A
		}
	}
}

// FrameText is the overlay's text under the graph: the newest frame's stage
// times and counts, and the slowest frame held.
func FrameText(l *FrameLog) [GraphLines]string {
	s := l.Last()
	var worst time.Duration
	over := 0
	for i := 0; i < l.Len(); i++ {
		t := l.At(i).Total()
		worst = max(worst, t)
		if t > Budget {
			over++
		}
	}
	return [GraphLines]string{
		fmt.Sprintf("frame %d: %s ms  worst %s  over 16.7: %d", l.Count, ms(s.Total()), ms(worst), over),
		fmt.Sprintf("script %s style %s layout %s paint %s display %s", ms(s.Times[StageScript]), ms(s.Times[StageStyle]),
			ms(s.Times[StageLayout]), ms(s.Times[StagePaint]), ms(s.Times[StageDisplay])),
		fmt.Sprintf("restyled %d  relaid %d  painted %d  builder items %d", s.Restyled, s.Relaid, s.Painted, s.Builder),
	}
}

func ms(d time.Duration) string { return fmt.Sprintf("%.1f", float64(d)/float64(time.Millisecond)) }
