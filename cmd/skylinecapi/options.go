package main

import (
	"bytes"
	"encoding/json"

	"github.com/skyline-go/skyline/host"
)

// decodeOptions decodes sky_open's JSON strictly: a misspelt option is an
// error, not a silent default.
func decodeOptions(s string) (host.Options, error) {
	var o host.Options
	dec := json.NewDecoder(bytes.NewReader([]byte(s)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&o); err != nil {
		return o, host.Errorf(host.CodeBadRequest, "sky_open: options: %v", err)
	}
	return o, nil
}
