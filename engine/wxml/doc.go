// Package wxml tokenizes and parses WXML markup into a syntax tree with
// positions (file:line:column on every node and attribute). It knows XML-like
// structure, entities, comments and where mustache bindings start and end; it
// knows nothing of data, templates or components.
//
// The parser is hand-written because WXML is neither HTML (names keep their
// case, any tag may self-close) nor XML (bare attributes, '<' inside {{ }}).
// It tracks {{ }} regions in text and attribute values, so a binding may hold
// '<', quotes of either kind and "}}" inside string literals.
//
// Recovery, so one mistake yields one diagnostic and the rest still parses:
//   - a closing tag that matches an open ancestor closes the elements in
//     between (each reported as unclosed); one that matches nothing is skipped;
//   - elements still open at the end are closed there and reported;
//   - a value missing its closing quote ends at the end of its line or tag;
//   - a duplicate attribute is reported and the first one kept;
//   - after a {{ that never closes, the rest of the file is read without
//     mustache tracking (re-scanning to the end for every later {{ would make
//     hostile input quadratic); the parser's work stays linear in the input.
//
// It may import diag and engine/internal/mustache (the {{ }} scanner it shares
// with the other of wxml and expr) only.
package wxml
