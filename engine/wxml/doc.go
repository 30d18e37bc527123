// Package wxml tokenizes and parses WXML markup into a syntax tree with
// positions (file:line:column on every node and attribute). It knows XML-like
// structure, entities, comments and where mustache bindings start and end; it
// knows nothing of data, templates or components.
//
// It may import diag only.
package wxml
