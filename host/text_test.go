package host

import (
	"path/filepath"
	"strings"
	"testing"
)

// Keys and text reach the focused input through a session: a tap focuses,
// text types (maxlength holds), Backspace deletes, Enter confirms; the
// page's handler calls carry WeChat's detail.
func TestTextAndKeys(t *testing.T) {
	s, err := Open(Options{Page: filepath.Join("..", "testdata", "pages", "input-demo"), Width: 375, Height: 667, DPR: 1})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.Tap(150, 44, 0); err != nil {
		t.Fatal(err)
	}
	if changed, err := s.Text("你好世界！！"); err != nil || !changed {
		t.Fatalf("text: %v %v", changed, err)
	}
	if _, err := s.Key("Backspace"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Key("Enter"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Key("F1"); err == nil {
		t.Error("an unknown key was accepted")
	}
	js, err := s.Drain()
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"value":"你好世界！"`, `"value":"你好世界"`, `"onConfirm"`} {
		if !strings.Contains(string(js), want) {
			t.Errorf("events lack %s:\n%s", want, js)
		}
	}
}
