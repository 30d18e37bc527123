package engine

import (
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
)

// testComponentDefs stands in for the logic layer in page tests, as
// <page>.data.json stands in for Page({data}): a component's definition is
// read from <component>.def.json (ComponentDef as JSON) next to its files;
// none means the untyped default.
func testComponentDefs(pageDir string) func(string) (*ComponentDef, error) {
	root := packageRoot(pageDir)
	return func(path string) (*ComponentDef, error) {
		for _, p := range []string{path, path + "/index"} {
			b, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(p)+".def.json"))
			if errors.Is(err, fs.ErrNotExist) {
				continue
			}
			if err != nil {
				return nil, err
			}
			var d ComponentDef
			if err := json.Unmarshal(b, &d); err != nil {
				return nil, err
			}
			return &d, nil
		}
		return nil, nil
	}
}
