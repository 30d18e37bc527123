package style

import (
	"strings"

	"github.com/tdewolff/parse/v2/css"
)

// Media is the condition of an @media block. Only prefers-color-scheme is
// supported (spec §2.2); rules keep their condition so one parsed sheet
// serves both light and dark renders (Env.Dark is read at match time).
type Media uint8

const (
	MediaAll   Media = iota // no condition
	MediaDark               // (prefers-color-scheme: dark)
	MediaLight              // (prefers-color-scheme: light)
	MediaNever              // nested dark inside light or the reverse
)

// and combines nested @media conditions.
func (m Media) and(o Media) Media {
	switch {
	case m == MediaAll:
		return o
	case o == MediaAll || o == m:
		return m
	}
	return MediaNever
}

// Matches reports whether rules under m apply for the given colour scheme.
func (m Media) Matches(dark bool) bool {
	switch m {
	case MediaAll:
		return true
	case MediaDark:
		return dark
	case MediaLight:
		return !dark
	}
	return false
}

// parseMedia accepts "(prefers-color-scheme: dark|light)", optionally
// after "screen and" / "all and" (and "only"), and the bare media types
// "all" and "screen", which match every page render. Anything else is
// unsupported: the caller ignores the block with a warning (spec §2.2).
func parseMedia(prelude []token) (Media, bool) {
	var words []string
	for _, t := range prelude {
		switch t.kind {
		case css.WhitespaceToken:
		case css.IdentToken, css.ColonToken, css.LeftParenthesisToken, css.RightParenthesisToken:
			words = append(words, strings.ToLower(t.text))
		default:
			return 0, false
		}
	}
	if len(words) > 0 && words[0] == "only" {
		words = words[1:]
	}
	if len(words) > 0 && (words[0] == "screen" || words[0] == "all") {
		if len(words) == 1 {
			return MediaAll, true
		}
		if words[1] != "and" {
			return 0, false
		}
		words = words[2:]
	}
	if len(words) != 5 || words[0] != "(" || words[1] != "prefers-color-scheme" || words[2] != ":" || words[4] != ")" {
		return 0, false
	}
	switch words[3] {
	case "dark":
		return MediaDark, true
	case "light":
		return MediaLight, true
	}
	return 0, false
}
