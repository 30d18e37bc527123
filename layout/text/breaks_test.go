package text

import (
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/skyline-go/skyline/style"
)

// marked returns p's text with "|" at each break opportunity that does not
// follow a space (breaks after spaces are UAX #14 LB18 and never in doubt).
func marked(p *Paragraph) string {
	var b strings.Builder
	for i, r := range p.Text() {
		if i > 0 && p.flags[i]&flagBreak != 0 && p.text[i-1] != ' ' {
			b.WriteByte('|')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// TestBreakOpportunitiesChromium pins the break opportunities to what
// Chromium 156 shows for the same text in a width: 0 box (every opportunity
// taken). Between two printable ASCII characters Blink does not run UAX #14:
// its own pair table (kAsciiLineBreakTable) allows a break only after "-"
// and "?" and before "(", "[", "{", "<" after some punctuation; so URLs,
// paths and e-mail addresses stay whole. Next to any other character (CJK)
// ICU's UAX #14 decides.
func TestBreakOpportunitiesChromium(t *testing.T) {
	tests := []struct {
		name, text, normal, breakAll string
	}{
		{"url", "https://example.com/a/very/long/path",
			"https://example.com/a/very/long/path",
			"h|t|t|p|s://|e|x|a|m|p|l|e.|c|o|m/|a/|v|e|r|y/|l|o|n|g/|p|a|t|h"},
		{"hyphens", "a-b well-known ABCD-1234 1234-5678 x -5 a-5",
			"a-|b well-|known ABCD-|1234 1234-|5678 x -5 a-|5",
			"a|-|b w|e|l|l|-|k|n|o|w|n A|B|C|D|-|1|2|3|4 1|2|3|4|-|5|6|7|8 x -|5 a|-|5"},
		{"query string", "https://x.com/s?q=abc&lang=zh-CN&page=2#top",
			"https://x.com/s?|q=abc&lang=zh-|CN&page=2#top",
			"h|t|t|p|s://|x.|c|o|m/|s?|q|=|a|b|c|&|l|a|n|g|=|z|h|-|C|N|&|p|a|g|e|=|2|#|t|o|p"},
		{"digits after slash", "path/123/v2 10/20 a/1",
			"path/123/v2 10/20 a/1",
			"p|a|t|h/|1|2|3/|v|2 1|0/|2|0 a/|1"},
		{"cjk next to url", "网址https://example.com/路径/中文",
			"网|址|https://example.com/|路|径/|中|文",
			"网|址|h|t|t|p|s://|e|x|a|m|p|l|e.|c|o|m/|路|径/|中|文"},
		{"email in cjk", "联系user.name@example.com谢谢",
			"联|系|user.name@example.com|谢|谢",
			"联|系|u|s|e|r.|n|a|m|e|@|e|x|a|m|p|l|e.|c|o|m|谢|谢"},
		{"email", "user.name+tag@mail.example.com",
			"user.name+tag@mail.example.com",
			"u|s|e|r.|n|a|m|e|+|t|a|g|@|m|a|i|l.|e|x|a|m|p|l|e.|c|o|m"},
		{"punctuation pairs", "a(b) a[b] a{b} a<b f(x) 1+2 a!b a;b a,b a:b a.b a|b a~b a%b a$b a_b",
			"a(b) a[b] a{b} a<b f(x) 1+2 a!b a;b a,b a:b a.b a|b a~b a%b a$b a_b",
			"a|(b) a|[b] a|{b} a|<|b f|(x) 1|+|2 a!|b a;|b a,|b a:|b a.|b a|||b a|~|b a%|b a|$b a|_|b"},
		{"before opening brackets", "x.(y) x,[y] x:{y} x=<y",
			"x.|(y) x,|[y] x:|{y} x=|<y",
			"x.|(y) x,|[y] x:|{y} x|=|<|y"},
		{"no-break space after hyphen", "a-\u00a0b",
			"a-|\u00a0b",
			"a|-|\u00a0b"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := marked(para(t, tc.text, Options{})); got != tc.normal {
				t.Errorf("word-break: normal\n got %s\nwant %s", got, tc.normal)
			}
			if got := marked(para(t, tc.text, Options{WordBreak: style.WordBreakBreakAll})); got != tc.breakAll {
				t.Errorf("word-break: break-all\n got %s\nwant %s", got, tc.breakAll)
			}
		})
	}
}

// TestURLOverflowsLine: a long URL in a narrow text box stays on one
// overflowing line, as in Chromium (issue 9 item 6), unless break-all or
// overflow-wrap: anywhere lets it break.
func TestURLOverflowsLine(t *testing.T) {
	const url = "https://example.com/a/very/long/path"
	w := widthOf(t, "https://exam")
	p := para(t, "see "+url+" now", Options{})
	got := lineTexts(p, p.Layout(w))
	if want := []string{"see", url, "now"}; strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("normal: lines %q, want %q", got, want)
	}
	p = para(t, url, Options{WordBreak: style.WordBreakBreakAll})
	if got := lineTexts(p, p.Layout(w)); len(got) < 3 || got[0] != "https://exam" {
		t.Errorf("break-all: lines %q, want the first to be %q", got, "https://exam")
	}
	p = para(t, url, Options{BreakLongWords: true})
	if got := lineTexts(p, p.Layout(w)); len(got) < 3 || got[0] != "https://exam" {
		t.Errorf("overflow-wrap anywhere: lines %q, want the first to be %q", got, "https://exam")
	}
	if p := para(t, url, Options{}); p.MinContentWidth() != p.MaxContentWidth() {
		t.Errorf("min-content %v != max-content %v: the URL must be one unbreakable piece", p.MinContentWidth(), p.MaxContentWidth())
	}
}

// TestASCIIPairsChromium checks every pair of printable ASCII characters,
// between two letters ("k" a b "k"), under word-break: normal and break-all,
// against the break opportunities Chromium 156 showed for them
// (testdata/chromium_ascii_pairs.txt).
func TestASCIIPairsChromium(t *testing.T) {
	data, err := os.ReadFile("testdata/chromium_ascii_pairs.txt")
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]map[[2]rune]bool{"normal": {}, "break-all": {}}
	rows := 0
	for _, line := range strings.Split(string(data), "\n") {
		f := strings.Fields(line)
		if len(f) != 3 || strings.HasPrefix(line, "#") {
			continue
		}
		rows++
		a, err := strconv.ParseUint(f[1], 16, 8)
		if err != nil {
			t.Fatal(err)
		}
		for i := 0; f[2] != "-" && i+2 <= len(f[2]); i += 2 {
			b, err := strconv.ParseUint(f[2][i:i+2], 16, 8)
			if err != nil {
				t.Fatal(err)
			}
			want[f[0]][[2]rune{rune(a), rune(b)}] = true
		}
	}
	if rows != 2*94 {
		t.Fatalf("%d rows, want %d", rows, 2*94)
	}
	for mode, wb := range map[string]style.WordBreak{"normal": style.WordBreakNormal, "break-all": style.WordBreakBreakAll} {
		bad := 0
		for a := rune('!'); a <= '~'; a++ {
			for b := rune('!'); b <= '~'; b++ {
				p := para(t, "k"+string(a)+string(b)+"k", Options{WordBreak: wb})
				if got := p.flags[2]&flagBreak != 0; got != want[mode][[2]rune{a, b}] {
					if bad++; bad <= 20 {
						t.Errorf("%s: break between %q and %q = %v, Chromium %v", mode, a, b, got, !got)
					}
				}
			}
		}
	}
}
