package logic

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strconv"
	"strings"

	"github.com/dop251/goja"
	"github.com/skyline-go/skyline/diag"
)

// module is one evaluated package file (CommonJS, cached by path).
type module struct {
	obj  *goja.Object // the `module` object; its exports field is the result
	done bool
}

func itoa(i int) string { return strconv.Itoa(i) }

func sortStrings(s []string) { slices.Sort(s) }

func dirOf(p string) string {
	d := path.Dir(p)
	if d == "." {
		return ""
	}
	return d
}

// resolvePath resolves a require / relation path against dir, package-root
// relative when it starts with "/" (as WeChat resolves absolute module
// paths). It returns "" when the path climbs out of the package.
func resolvePath(dir, p string) string {
	var joined string
	if strings.HasPrefix(p, "/") {
		joined = p[1:]
	} else {
		joined = dir + "/" + p
	}
	parts := strings.Split(joined, "/")
	var out []string
	for _, part := range parts {
		switch part {
		case "", ".":
		case "..":
			if len(out) == 0 {
				return ""
			}
			out = out[:len(out)-1]
		default:
			out = append(out, part)
		}
	}
	return strings.Join(out, "/")
}

// errNotFound marks a missing module file.
var errNotFound = errors.New("not found")

// readError is a module file that exists but cannot be read: it leaves the
// package through a symlink, is not a regular file, is too large.
type readError struct{ err error }

func (e *readError) Error() string { return e.err.Error() }

// require loads a module by package path (with ".js"), evaluating it once.
// Errors are returned for the caller to throw into the requiring script.
func (s *state) require(file string) (goja.Value, error) {
	if m, ok := s.modules[file]; ok {
		return m.obj.Get("exports"), nil
	}
	src, err := s.r.cfg.Read(file)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("module %q: %w", file, errNotFound)
		}
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err // the OS path is the host's, not the package's
		}
		return nil, fmt.Errorf("module %q: %w", file, &readError{err})
	}
	prog, err := s.compileModule(file, src)
	if err != nil {
		s.reportErr("", err)
		return nil, fmt.Errorf("module %q has a syntax error", file)
	}
	vm := s.r.vm
	mod := vm.NewObject()
	exports := vm.NewObject()
	_ = mod.Set("exports", exports)
	m := &module{obj: mod}
	s.modules[file] = m // cached before running: cyclic requires see partial exports
	fnv, err := vm.RunProgram(prog)
	if err != nil {
		s.reportErr("", err)
		return nil, fmt.Errorf("module %q failed", file)
	}
	dir := dirOf(file)
	req := s.requireFunc(dir)
	s.running = append(s.running, file)
	_, ok := s.call("", fnv, exports, exports, req, mod, vm.ToValue(file), vm.ToValue(dir))
	s.running = s.running[:len(s.running)-1]
	m.done = true
	if !ok {
		delete(s.modules, file)
		return nil, fmt.Errorf("module %q threw while loading", file)
	}
	return mod.Get("exports"), nil
}

// requireFunc is the require function a module in dir sees, with
// require.async(path): a Promise of the module's exports (WeChat's
// asynchronous subpackage require; the module loads on the next tick and
// a failure rejects the Promise).
func (s *state) requireFunc(dir string) goja.Value {
	vm := s.r.vm
	req := vm.ToValue(func(call goja.FunctionCall) goja.Value {
		return s.jsRequire(dir, call)
	}).(*goja.Object)
	_ = req.Set("async", func(call goja.FunctionCall) goja.Value {
		p, resolve, reject := vm.NewPromise()
		s.tickQueue = append(s.tickQueue, func() {
			var v goja.Value
			err := vm.Try(func() { v = s.jsRequire(dir, call) })
			if err != nil {
				_ = reject(err.Value())
				return
			}
			_ = resolve(v)
		})
		return vm.ToValue(p)
	})
	return req
}

// jsRequire is the require function a module sees.
func (s *state) jsRequire(dir string, call goja.FunctionCall) goja.Value {
	vm := s.r.vm
	arg := call.Argument(0)
	name, ok := arg.Export().(string)
	if !ok || name == "" {
		panic(vm.NewTypeError("require: the module path must be a non-empty string"))
	}
	cands := moduleCandidates(dir, name)
	if len(cands) == 0 {
		panic(vm.NewGoError(fmt.Errorf("require(%q): the path leaves the package", name)))
	}
	var err error
	for _, file := range cands {
		var v goja.Value
		v, err = s.require(file)
		if err == nil {
			return v
		}
		if !errors.Is(err, errNotFound) {
			break
		}
	}
	if errors.Is(err, errNotFound) {
		err = fmt.Errorf("module not found (tried %s)", strings.Join(cands, ", "))
	}
	panic(vm.NewGoError(fmt.Errorf("require(%q): %v", name, err)))
}

// maxNpmDepth bounds the directories searched for miniprogram_npm.
const maxNpmDepth = 32

// moduleCandidates lists the files require(name) from dir may mean, in the
// order WeChat's resolution tries them: the path itself (".js" added),
// its index.js; then, for a bare name (no "./", "../" or "/"), the built
// npm package in miniprogram_npm of dir and each directory above it
// (name.js, then name/index.js). Paths leaving the package are dropped.
func moduleCandidates(dir, name string) []string {
	var out []string
	add := func(base string) {
		if base == "" {
			return
		}
		if path.Ext(base) == ".js" {
			out = append(out, base)
			return
		}
		out = append(out, base+".js", base+"/index.js")
	}
	add(resolvePath(dir, name))
	if strings.HasPrefix(name, ".") || strings.HasPrefix(name, "/") {
		return out
	}
	d := dir
	for range maxNpmDepth {
		add(resolvePath(d, "miniprogram_npm/"+name))
		if d == "" {
			break
		}
		d = dirOf(d)
	}
	return out
}

// entryFile is the file whose Page/Component/Behavior call is running.
func (s *state) entryFile() string {
	if len(s.running) == 0 {
		return ""
	}
	return s.running[len(s.running)-1]
}

// loadPage runs a page script (once) and returns its class.
func (s *state) loadPage(p string) (*pageClass, error) {
	if pc, ok := s.pages[p]; ok {
		return pc, nil
	}
	if _, ok := s.comps[p]; ok {
		return nil, fmt.Errorf("%s.js defines a Component, not a Page", p)
	}
	if err := s.runEntry(p); err != nil {
		return nil, err
	}
	if pc, ok := s.pages[p]; ok {
		return pc, nil
	}
	return nil, fmt.Errorf("%s.js did not call Page({...})", p)
}

// loadComp runs a component script (once) and returns its merged class.
func (s *state) loadComp(p string) (*compClass, error) {
	if c, ok := s.comps[p]; ok {
		return c, nil
	}
	if err, ok := s.compErr[p]; ok {
		return nil, err
	}
	err := s.runEntry(p)
	if err == nil {
		if c, ok := s.comps[p]; ok {
			return c, nil
		}
		err = fmt.Errorf("%s.js did not call Component({...})", p)
	}
	s.compErr[p] = err
	return nil, err
}

func (s *state) runEntry(p string) error {
	file := p + ".js"
	if _, loaded := s.modules[file]; loaded {
		return nil
	}
	_, err := s.require(file)
	var re *readError
	switch {
	case errors.Is(err, errNotFound):
		s.r.diagErr(diag.Pos{File: file}, "cannot read "+file)
	case errors.As(err, &re):
		s.r.diagErr(diag.Pos{File: file}, "cannot read "+file+": "+re.Error())
	}
	return err
}

// defReply answers PageDef / ComponentDef on the runtime goroutine.
func (s *state) defReply(q defRequest) defAnswer {
	if q.page {
		pc, err := s.loadPage(q.path)
		if c := s.comps[q.path]; err != nil && c != nil {
			data, _ := c.def.InitialData(nil)
			return defAnswer{page: &PageDef{Path: q.path, Data: data, Methods: c.def.Methods}}
		}
		if err != nil {
			return defAnswer{err: err}
		}
		d := pc.def
		d.Data = cloneValue(d.Data).(map[string]any)
		return defAnswer{page: &d}
	}
	c, err := s.loadComp(q.path)
	if err != nil {
		return defAnswer{err: err}
	}
	d := c.def
	d.Data = cloneValue(d.Data).(map[string]any)
	return defAnswer{comp: &d}
}

// stripJS drops the .js extension of an entry file path.
func stripJS(file string) string { return strings.TrimSuffix(file, ".js") }
