package text

import "unicode"

// objectReplacement stands in for an inline box in the paragraph text, as in
// Chromium's inline text content; UAX #14 gives it class CB (break on both
// sides), which is how atomic inlines wrap.
const objectReplacement = '\uFFFC'

// isNeutral reports characters that belong to the preceding character's
// cluster and so stay in its face: combining marks, joiners, variation
// selectors.
func isNeutral(r rune) bool {
	switch {
	case r == 0x200C || r == 0x200D: // ZWNJ, ZWJ
		return true
	case r >= 0xFE00 && r <= 0xFE0F, r >= 0xE0100 && r <= 0xE01EF: // variation selectors
		return true
	}
	return r >= 0x300 && (unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Me, r))
}

// isCollapsibleSpace reports the characters white-space: normal collapses
// (CSS Text 3 §4.1: space, tab, segment breaks).
func isCollapsibleSpace(r rune) bool {
	return r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\f'
}

// isWordSeparator reports the characters word-spacing widens and justify
// stretches (CSS Text 3 §7.1: U+0020, U+00A0, U+1361, U+10100/1, U+1039F, U+1091F).
func isWordSeparator(r rune) bool {
	switch r {
	case ' ', 0xA0, 0x1361, 0x10100, 0x10101, 0x1039F, 0x1091F:
		return true
	}
	return false
}

// isEastAsian reports characters that UAX #14 LB19a treats as East Asian
// context, and that justify may stretch after: Han, kana, Hangul, CJK symbols
// and punctuation, fullwidth forms.
func isEastAsian(r rune) bool {
	switch {
	case r >= 0x2E80 && r <= 0x2FDF, // radicals
		r >= 0x3000 && r <= 0x303F,                             // CJK symbols and punctuation
		r >= 0x3040 && r <= 0x31FF,                             // kana, bopomofo, …
		r >= 0x3400 && r <= 0x4DBF,                             // ext A
		r >= 0x4E00 && r <= 0x9FFF,                             // unified ideographs
		r >= 0xAC00 && r <= 0xD7AF,                             // Hangul
		r >= 0xF900 && r <= 0xFAFF,                             // compatibility ideographs
		r >= 0xFE30 && r <= 0xFE4F,                             // compatibility forms
		r >= 0xFF00 && r <= 0xFF60, r >= 0xFFE0 && r <= 0xFFE6, // fullwidth
		r >= 0x20000 && r <= 0x3FFFF: // ext B and beyond
		return true
	}
	return false
}

// isLetterUnit reports "typographic letter units" that word-break: break-all
// may separate (CSS Text 3 §5.2: letters, numbers, ideographs).
func isLetterUnit(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsNumber(r) || isEastAsian(r) && !unicode.IsPunct(r)
}

// Quotation marks that UAX #14 classes QU (no break on either side). Unicode
// 15.1's LB19a (ICU 74, in Chromium) allows breaks on their outer side next
// to East Asian characters: before an opening (Pi) quote, after a closing (Pf).
func isOpeningQuote(r rune) bool { return r == '“' || r == '‘' }
func isClosingQuote(r rune) bool { return r == '”' || r == '’' }
