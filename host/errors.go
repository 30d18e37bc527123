package host

import "fmt"

// Code classifies an error. The numbers are the C ABI's (negated as return
// values) and the names the JSON protocol's; neither changes once released.
type Code int

const (
	CodeOK         Code = 0
	CodeBadRequest Code = 1 // a malformed message or argument
	CodeUnknownOp  Code = 2 // an operation that does not exist
	CodeNoSession  Code = 3 // an unknown or closed session handle
	CodeLoad       Code = 4 // the page could not be opened
	CodeData       Code = 5 // setData / setComponentData refused the patch
	CodeBufferSize Code = 6 // the caller's frame buffer has the wrong size
	CodePanic      Code = 7 // the operation crashed; the session still serves
	CodeIO         Code = 8 // writing a frame file failed
	CodeClosed     Code = 9 // the session was closed
)

var codeNames = map[Code]string{
	CodeOK:         "ok",
	CodeBadRequest: "bad_request",
	CodeUnknownOp:  "unknown_op",
	CodeNoSession:  "no_session",
	CodeLoad:       "load",
	CodeData:       "data",
	CodeBufferSize: "buffer_size",
	CodePanic:      "panic",
	CodeIO:         "io",
	CodeClosed:     "closed",
}

// String is the code's protocol name ("bad_request", "panic", …).
func (c Code) String() string {
	if n, ok := codeNames[c]; ok {
		return n
	}
	return fmt.Sprintf("code%d", int(c))
}

// Error is an operation's failure: a code and a message for people.
type Error struct {
	Code Code
	Msg  string
}

func (e *Error) Error() string { return e.Code.String() + ": " + e.Msg }

// Errorf makes an *Error.
func Errorf(c Code, format string, args ...any) *Error {
	return &Error{Code: c, Msg: fmt.Sprintf(format, args...)}
}

// CodeOf returns err's code: CodeOK for nil, the *Error's code, else
// CodeBadRequest.
func CodeOf(err error) Code {
	if err == nil {
		return CodeOK
	}
	if e, ok := err.(*Error); ok {
		return e.Code
	}
	return CodeBadRequest
}
