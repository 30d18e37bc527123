// Package archtest holds the project's import rules as a test, in the spirit
// of Go's own go/build/deps_test.go: a table says which of the project's
// packages each package may import, and TestImportRules checks the table
// against `go list -deps`, so an import that runs the wrong way fails CI with
// a message naming the rule it breaks. It has no code of its own and imports
// nothing; the README's package graph is drawn from the same table.
package archtest
