package app

import (
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"strings"
	"time"

	"github.com/skyline-go/skyline/logic"
)

// wx.request in the preview: the scripts' NetworkRequest is performed here
// with Options.HTTP on a goroutine of its own, so a slow server never holds
// a frame; the reply goes back to the runtime at the next Pump or Poll.
// Without Options.HTTP (tests, headless renders) requests answer from the
// fixtures only.

const (
	defaultRequestTimeout = 60 * time.Second // WeChat's default
	maxResponseBytes      = 10 << 20
)

// request performs m in the background.
func (a *App) request(m logic.NetworkRequest) {
	if a.netDone == nil {
		a.netDone = make(chan logic.NetworkReply, 16)
	}
	a.netBusy++
	client := a.opts.HTTP
	go func() { a.netDone <- doRequest(client, m) }()
}

// netReplies passes the finished requests' replies to the runtime and
// reports whether there were any.
func (a *App) netReplies() bool {
	sent := false
	for a.netBusy > 0 {
		select {
		case r := <-a.netDone:
			a.netBusy--
			a.send(r)
			sent = true
		default:
			return sent
		}
	}
	return sent
}

// WaitRequests blocks until the scripts' requests in flight have answered
// (or ctx ends), then hands the replies to the scripts and applies what
// they did.
func (a *App) WaitRequests(ctx context.Context) error {
	for a.netBusy > 0 {
		select {
		case r := <-a.netDone:
			a.netBusy--
			a.send(r)
		case <-ctx.Done():
			a.exchange()
			return ctx.Err()
		}
	}
	a.exchange()
	return nil
}

func doRequest(client *http.Client, m logic.NetworkRequest) logic.NetworkReply {
	reply := logic.NetworkReply{Req: m.Req}
	timeout := defaultRequestTimeout
	if m.Timeout > 0 {
		timeout = time.Duration(m.Timeout) * time.Millisecond
	}
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	var body io.Reader
	if m.Body != "" {
		body = strings.NewReader(m.Body)
	}
	req, err := http.NewRequestWithContext(ctx, m.Method, m.URL, body)
	if err != nil {
		reply.Err = "invalid url"
		return reply
	}
	for k, v := range m.Header {
		req.Header.Set(k, v)
	}
	resp, err := client.Do(req)
	if err != nil {
		reply.Err = requestError(err)
		return reply
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(io.LimitReader(resp.Body, maxResponseBytes+1))
	if err != nil {
		reply.Err = requestError(err)
		return reply
	}
	if len(b) > maxResponseBytes {
		reply.Err = "response data too large"
		return reply
	}
	reply.StatusCode, reply.Body = resp.StatusCode, b
	reply.Header = map[string]string{}
	for k, v := range resp.Header {
		reply.Header[k] = strings.Join(v, ", ")
	}
	return reply
}

// requestError words a failed request as WeChat's errMsg tails do.
func requestError(err error) string {
	var ne net.Error
	switch {
	case errors.Is(err, context.DeadlineExceeded), errors.As(err, &ne) && ne.Timeout():
		return "timeout"
	case strings.Contains(err.Error(), "connection refused"):
		return "net::ERR_CONNECTION_REFUSED"
	case strings.Contains(err.Error(), "no such host"):
		return "net::ERR_NAME_NOT_RESOLVED"
	}
	return err.Error()
}
