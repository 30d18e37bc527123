package engine

import (
	"errors"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"strings"
)

// Package reads the files of one mini-program package. Every path it takes
// or returns is package-relative, slash-separated and clean ("pages/a/index.wxml");
// nothing outside the package root is ever read (render-cli.md): `../`
// escapes, OS-absolute references and symlinks whose real path leaves the
// root are refused. The style stage uses it for @import and url().
type Package struct {
	// Root is the package root directory as given (absolute).
	Root string
	// real is Root with symlinks resolved, the reference for escape checks.
	real string
}

// NewPackage opens the package rooted at dir.
func NewPackage(dir string) (*Package, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	real, err := filepath.EvalSymlinks(abs)
	if err != nil {
		return nil, err
	}
	return &Package{Root: abs, real: real}, nil
}

// ErrOutsidePackage is wrapped by Resolve and Read errors for paths that
// leave the package root.
var ErrOutsidePackage = errors.New("path escapes the package root")

// Resolve resolves ref as named in the package file from: "/x" is relative
// to the package root, anything else to from's directory. The result is a
// clean package path; a path that would leave the root is an error.
func (p *Package) Resolve(from, ref string) (string, error) {
	if ref == "" {
		return "", errors.New("empty path")
	}
	if strings.ContainsAny(ref, "\\\x00") || hasDriveLetter(ref) {
		return "", fmt.Errorf("%q: %w (only package paths are allowed)", ref, ErrOutsidePackage)
	}
	var joined string
	if strings.HasPrefix(ref, "/") {
		joined = path.Clean(ref[1:])
	} else {
		joined = path.Join(path.Dir(from), ref)
	}
	if joined == ".." || strings.HasPrefix(joined, "../") || strings.HasPrefix(joined, "/") {
		return "", fmt.Errorf("%q: %w", ref, ErrOutsidePackage)
	}
	return joined, nil
}

func hasDriveLetter(s string) bool {
	return len(s) >= 2 && s[1] == ':' && (s[0]|0x20 >= 'a' && s[0]|0x20 <= 'z')
}

// Read returns the content of the package file at rel (a path Resolve
// returned). A symlink whose target lies outside the root is refused.
func (p *Package) Read(rel string) ([]byte, error) {
	full, err := p.osPath(rel)
	if err != nil {
		return nil, err
	}
	return os.ReadFile(full)
}

// Exists reports whether the package file rel exists (and is inside the root).
func (p *Package) Exists(rel string) bool {
	full, err := p.osPath(rel)
	if err != nil {
		return false
	}
	st, err := os.Stat(full)
	return err == nil && st.Mode().IsRegular()
}

// osPath maps a package path to the OS path after checking that its real
// path stays inside the root.
func (p *Package) osPath(rel string) (string, error) {
	if rel == "" || path.IsAbs(rel) || rel != path.Clean(rel) || rel == ".." || strings.HasPrefix(rel, "../") {
		return "", fmt.Errorf("%q: %w", rel, ErrOutsidePackage)
	}
	full := filepath.Join(p.Root, filepath.FromSlash(rel))
	real, err := filepath.EvalSymlinks(full)
	if err != nil {
		return "", err
	}
	if !within(p.real, real) {
		return "", fmt.Errorf("%q: %w (symlink to %s)", rel, ErrOutsidePackage, real)
	}
	return real, nil
}

// within reports whether target is root or below it.
func within(root, target string) bool {
	r, err := filepath.Rel(root, target)
	if err != nil {
		return false
	}
	return r != ".." && !strings.HasPrefix(r, ".."+string(filepath.Separator)) && !filepath.IsAbs(r)
}
