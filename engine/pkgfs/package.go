package pkgfs

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"syscall"
)

// Package reads the files of one mini-program package. Every path it takes
// or returns is package-relative, slash-separated and clean ("pages/a/index.wxml");
// nothing outside the package root is ever read (render-cli.md): `../`
// escapes, OS-absolute references and symlinks whose real path leaves the
// root are refused. The style stage uses it for @import and url().
type Package struct {
	// Root is the package root directory as given (absolute).
	Root string
	// MaxFileSize bounds one read (0: DefaultMaxFileSize).
	MaxFileSize int64
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

// DefaultMaxFileSize bounds one read of a package file: far above any real
// mini-program file (WeChat caps a whole package at a few MB), far below
// what would exhaust memory.
const DefaultMaxFileSize = 32 << 20

// ErrNotRegular is wrapped by Read errors for devices, pipes, sockets and
// directories: only regular files are read (a FIFO would block, a device
// never end).
var ErrNotRegular = errors.New("not a regular file")

// ErrTooLarge is wrapped by Read errors for files above MaxFileSize.
var ErrTooLarge = errors.New("file too large")

// Refused reports a read error for a file that exists but is refused as
// hostile or degenerate (not a regular file, too large): the page renders
// without it, with a warning. Escapes stay errors (render-cli.md: nothing
// outside the package is read).
func Refused(err error) bool {
	return errors.Is(err, ErrNotRegular) || errors.Is(err, ErrTooLarge)
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
// returned). A symlink whose target lies outside the root is refused, and so
// is anything but a regular file of at most MaxFileSize bytes. Errors are
// *fs.PathError values naming rel, never the host's path.
func (p *Package) Read(rel string) ([]byte, error) {
	b, err := p.read(rel)
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return nil, &fs.PathError{Op: "read", Path: rel, Err: err}
	}
	return b, nil
}

func (p *Package) read(rel string) ([]byte, error) {
	full, err := p.osPath(rel)
	if err != nil {
		return nil, err
	}
	limit := p.MaxFileSize
	if limit <= 0 {
		limit = DefaultMaxFileSize
	}
	// Stat before opening: opening a FIFO blocks until a writer comes, and a
	// device has no end. The open is non-blocking in case the file changes
	// between the two, and the opened file is checked again.
	st, err := os.Stat(full)
	if err != nil {
		return nil, err
	}
	if err := checkRegular(st, limit); err != nil {
		return nil, err
	}
	f, err := os.OpenFile(full, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if st, err = f.Stat(); err != nil {
		return nil, err
	}
	if err := checkRegular(st, limit); err != nil {
		return nil, err
	}
	b := make([]byte, 0, st.Size()+1)
	for {
		n, err := f.Read(b[len(b):cap(b)])
		b = b[:len(b)+n]
		if int64(len(b)) > limit {
			return nil, fmt.Errorf("%w (more than %d bytes)", ErrTooLarge, limit)
		}
		if err == io.EOF {
			return b, nil
		}
		if err != nil {
			return nil, err
		}
		if len(b) == cap(b) {
			b = append(b, 0)[:len(b)] // grown while read (the file grew)
		}
	}
}

func checkRegular(st fs.FileInfo, limit int64) error {
	m := st.Mode()
	if !m.IsRegular() {
		return fmt.Errorf("%w (%s)", ErrNotRegular, modeName(m))
	}
	if st.Size() > limit {
		return fmt.Errorf("%w (%d bytes; the limit is %d)", ErrTooLarge, st.Size(), limit)
	}
	return nil
}

func modeName(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "a directory"
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeCharDevice != 0:
		return "a character device"
	case m&fs.ModeDevice != 0:
		return "a device"
	}
	return "mode " + m.String()
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
		return "", ErrOutsidePackage
	}
	full := filepath.Join(p.Root, filepath.FromSlash(rel))
	real, err := filepath.EvalSymlinks(full)
	if err != nil {
		return "", err
	}
	if !within(p.real, real) {
		// The target's host path is not the package's business: never print it.
		return "", fmt.Errorf("%w (a symlink to a file outside it)", ErrOutsidePackage)
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

// UnwrapPathError drops the OS path from file errors: diagnostics name
// package paths only.
func UnwrapPathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// Source is one file read from the package whose parsing is another
// stage's (a stylesheet: the style stage parses it).
type Source struct {
	Path string // package path
	Src  []byte
}
