package config

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"reflect"
	"strings"
	"time"
)

// Validator is implemented by every component's Config. Validate returns an
// error naming the offending field, as it appears in the JSON file.
type Validator interface {
	Validate() error
}

// Load reads the JSON file at path into cfg, which must already hold the
// defaults, then validates it. Unknown fields are errors.
func Load(path string, cfg Validator) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("read config: %w", err)
	}
	if err := Decode(data, cfg); err != nil {
		return fmt.Errorf("config %s: %w", path, err)
	}
	return nil
}

// Decode decodes data into cfg as Load does, without reading a file.
func Decode(data []byte, cfg Validator) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(cfg); err != nil {
		return describe(err, len(data))
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return errors.New("unexpected data after the top-level JSON object")
	}
	if err := cfg.Validate(); err != nil {
		return fmt.Errorf("invalid: %w", err)
	}
	return nil
}

// describe rewrites encoding/json errors so they name the field as written in
// the file rather than the Go type that holds it.
func describe(err error, size int) error {
	var typeErr *json.UnmarshalTypeError
	if errors.As(err, &typeErr) && typeErr.Field != "" {
		want := typeErr.Type.String()
		if typeErr.Type == reflect.TypeFor[Duration]() {
			want = `a duration string such as "1s"`
		}
		return fmt.Errorf("field %q: expected %s, got JSON %s", typeErr.Field, want, typeErr.Value)
	}
	if errors.Is(err, io.EOF) {
		return errors.New("empty: expected a JSON object")
	}
	if errors.Is(err, io.ErrUnexpectedEOF) {
		return fmt.Errorf("malformed JSON at byte %d: unexpected end of input", size)
	}
	var syntaxErr *json.SyntaxError
	if errors.As(err, &syntaxErr) {
		return fmt.Errorf("malformed JSON at byte %d: %w", syntaxErr.Offset, err)
	}
	if msg, ok := strings.CutPrefix(err.Error(), "json: unknown field "); ok {
		return fmt.Errorf("unknown field %s", msg)
	}
	return err
}

// Duration is a time.Duration written in JSON as a Go duration string ("250ms", "1m").
type Duration time.Duration

// UnmarshalJSON accepts a duration string such as "1s". Its errors are
// *json.UnmarshalTypeError so that the decoder adds the field's name.
func (d *Duration) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return &json.UnmarshalTypeError{Value: string(b), Type: reflect.TypeFor[Duration]()}
	}
	v, err := time.ParseDuration(s)
	if err != nil {
		return &json.UnmarshalTypeError{Value: string(b), Type: reflect.TypeFor[Duration]()}
	}
	*d = Duration(v)
	return nil
}

// MarshalJSON writes the duration as a string.
func (d Duration) MarshalJSON() ([]byte, error) {
	return json.Marshal(time.Duration(d).String())
}

// D returns the value as a time.Duration.
func (d Duration) D() time.Duration { return time.Duration(d) }
