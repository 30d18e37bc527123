package text

// Chromium does not run UAX #14 between two printable ASCII characters
// (U+0021–U+007F): Blink's LazyLineBreakIterator answers such pairs from a
// table of its own (kAsciiLineBreakTable in text_break_iterator.cc, kept for
// compatibility with other browsers) and only asks ICU when a character on
// either side is outside ASCII. The table allows a break only
//
//   - after "-" and "?" before most characters (after "-" before a digit only
//     when a letter or digit precedes the "-", so "-5" stays a number while
//     "ABCD-1234" may break), and
//   - before "(", "<", "[", "{" after ! " # % & ) * + , . : ; = > \ ] | } ~.
//
// So "https://example.com/a/b", "a/1", "user@example.com" and "a!b" have no
// break opportunity inside, where plain UAX #14 allows one after "/" (SY
// before AL: LB31; ICU's line.txt has no rule against it, only LB13 × SY and
// LB21b SY × HL) and after "!" (EX). Under word-break: break-all Blink adds
// the break-all pair table (kBreakAllLineBreakClassTable), which works on
// UAX #14 classes; asciiBreakAll is its ASCII part.

const (
	asciiFirst = '!'
	asciiLast  = 0x7F
)

// asciiPair reports whether both runes are in Blink's ASCII table.
func asciiPair(a, b rune) bool {
	return a >= asciiFirst && a <= asciiLast && b >= asciiFirst && b <= asciiLast
}

var (
	// asciiNormal[a][b]: a line may break between a and b (both in the
	// table's range, indexed from asciiFirst) under word-break: normal.
	asciiNormal [asciiLast - asciiFirst + 1][asciiLast - asciiFirst + 1]bool
	// asciiBreakAll adds the pairs word-break: break-all may break.
	asciiBreakAll [asciiLast - asciiFirst + 1][asciiLast - asciiFirst + 1]bool
)

// UAX #14 line break classes of the ASCII characters, the subset the
// break-all table needs.
type lbClass uint8

const (
	lbAL lbClass = iota // alphabetic (and what break-all treats as such)
	lbBA                // break after: |
	lbCL                // close punctuation: }
	lbCP                // close parenthesis: ) ]
	lbEX                // exclamation: ! ?
	lbHY                // hyphen: -
	lbIS                // infix separator: , . : ;
	lbNU                // numeric
	lbOP                // open punctuation: ( [ {
	lbPO                // postfix: %
	lbPR                // prefix: $ \ (+ is AL under break-all in Blink)
	lbQU                // quotation: " '
	lbSY                // symbol: /
	lbCM                // DEL
)

func asciiClass(c rune) lbClass {
	switch {
	case c >= '0' && c <= '9':
		return lbNU
	case c >= 'A' && c <= 'Z', c >= 'a' && c <= 'z':
		return lbAL
	}
	switch c {
	case '!', '?':
		return lbEX
	case '"', '\'':
		return lbQU
	case '$', '\\':
		return lbPR
	case '%':
		return lbPO
	case '(', '[', '{':
		return lbOP
	case ')', ']':
		return lbCP
	case '}':
		return lbCL
	case ',', '.', ':', ';':
		return lbIS
	case '-':
		return lbHY
	case '/':
		return lbSY
	case '|':
		return lbBA
	case 0x7F:
		return lbCM
	}
	return lbAL // # & * + < = > @ ^ _ ` ~ ("+" is PR, tailored to AL by Blink)
}

// breakAllAfter[c] is the set of classes (bit per lbClass) that
// kBreakAllLineBreakClassTable lets follow class c.
var breakAllAfter = func() (t [lbCM + 1]uint16) {
	bits := func(cs ...lbClass) (m uint16) {
		for _, c := range cs {
			m |= 1 << c
		}
		return m
	}
	letters := bits(lbAL, lbBA, lbHY, lbNU, lbOP, lbPR)
	t[lbAL], t[lbBA], t[lbNU], t[lbSY] = letters, letters, letters, letters
	t[lbCL] = bits(lbAL, lbBA, lbHY, lbNU, lbPR)
	t[lbCP] = t[lbCL]
	t[lbEX] = bits(lbAL, lbBA, lbHY, lbNU, lbPO, lbPR)
	t[lbPO] = t[lbEX]
	t[lbIS] = bits(lbAL, lbBA, lbHY, lbNU)
	t[lbPR] = bits(lbPO)
	t[lbHY] = bits(lbNU)
	return t
}()

func init() {
	const letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
	rows := map[rune]string{
		// Digits after "-" are decided in asciiBreakNormal.
		'-': "\"#%&'(*+-<=>@[\\^_`{|~\x7F" + letters,
		'?': "#$%&(*+-0123456789<=>@[\\^_`{|~" + letters,
	}
	for _, c := range "!\"#%&)*+,.:;=>\\]|}~" {
		rows[c] = "(<[{"
	}
	for a, follow := range rows {
		for _, b := range follow {
			asciiNormal[a-asciiFirst][b-asciiFirst] = true
		}
	}
	for a := rune(asciiFirst); a <= asciiLast; a++ {
		for b := rune(asciiFirst); b <= asciiLast; b++ {
			asciiBreakAll[a-asciiFirst][b-asciiFirst] = breakAllAfter[asciiClass(a)]&(1<<asciiClass(b)) != 0
		}
	}
}

// asciiBreak reports whether a line may break before t[i], given that
// t[i-1] and t[i] are both in Blink's ASCII table (asciiPair).
func asciiBreak(t []rune, i int, breakAll bool) bool {
	a, b := t[i-1], t[i]
	if breakAll && asciiBreakAll[a-asciiFirst][b-asciiFirst] {
		return true
	}
	if a == '-' && b >= '0' && b <= '9' {
		// A minus sign stays with its number; "ABCD-1234" may break.
		return i >= 2 && isASCIIAlnum(t[i-2])
	}
	return asciiNormal[a-asciiFirst][b-asciiFirst]
}

func isASCIIAlnum(c rune) bool {
	return c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z'
}
