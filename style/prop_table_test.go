package style

import "testing"

// Every longhand must be fully described: a table hole would either panic
// or silently drop a declaration.
func TestPropertyTableComplete(t *testing.T) {
	for id := PropDisplay; id < numProps; id++ {
		p := props[id]
		if p.parse == nil || p.apply == nil || p.copy == nil {
			t.Errorf("%s: incomplete table entry", id.Name())
		}
		got, ok := LookupProperty(id.Name())
		if !ok || got != id {
			t.Errorf("LookupProperty(%q) = %v, %v", id.Name(), got, ok)
		}
	}
	for name, sh := range shorthands {
		if _, ok := propByName[name]; ok {
			t.Errorf("%s is both a shorthand and a longhand", name)
		}
		for _, id := range sh.longs {
			if id <= PropCustom || id >= numProps {
				t.Errorf("%s: bad longhand %d", name, id)
			}
		}
	}
	if _, ok := LookupProperty("margin"); ok {
		t.Error("LookupProperty must not find shorthands")
	}
	if !PropColor.Inherited() || PropWidth.Inherited() || !PropTextOverflow.Inherited() || PropTextDecorationColor.Inherited() {
		t.Error("inherited flags disagree with spec §2.4")
	}
}

// Every shorthand accepts the CSS-wide keywords and sets all its longhands.
func TestShorthandWideKeywords(t *testing.T) {
	for name, sh := range shorthands {
		for _, kw := range []string{"inherit", "initial", "unset"} {
			ds, diags := ParseDeclaration(name, kw, false, posAt(1), testEnv, "")
			if len(diags) != 0 || len(ds) != len(sh.longs) {
				t.Errorf("%s: %s → %d decls, %v", name, kw, len(ds), diags)
			}
		}
	}
}
