package main

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"os"

	"github.com/skyline-go/skyline/host"
)

func main() {
	s := newServer()
	err := s.serve(os.Stdin, os.Stdout)
	s.closeAll()
	if err != nil {
		fmt.Fprintln(os.Stderr, "host:", err)
		os.Exit(1)
	}
}

// maxLine bounds one request (a setData with a big list is a few MiB).
var maxLine = 64 << 20

// serve answers each line of r on w until r ends or a quit request.
func (s *server) serve(r io.Reader, w io.Writer) error {
	br := bufio.NewReaderSize(r, 64<<10)
	bw := bufio.NewWriter(w)
	var line []byte
	tooLong := false
	for {
		chunk, err := br.ReadSlice('\n')
		if !tooLong && len(line)+len(chunk) > maxLine+1 {
			tooLong, line = true, line[:0]
		}
		if !tooLong {
			line = append(line, chunk...)
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		var reply []byte
		quit := false
		switch {
		case tooLong:
			reply = errorReply(nil, host.Errorf(host.CodeBadRequest, "request longer than %d bytes", maxLine))
		case len(bytes.TrimSpace(line)) > 0:
			reply, quit = s.handleLine(line)
		}
		if reply != nil {
			bw.Write(reply)
			bw.WriteByte('\n')
			if ferr := bw.Flush(); ferr != nil {
				return ferr
			}
		}
		if quit {
			return nil
		}
		line, tooLong = line[:0], false
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
	}
}
