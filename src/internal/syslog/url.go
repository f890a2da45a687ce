package syslog

import (
	"errors"
	"fmt"
	"net"
	"net/url"
	"strconv"
	"strings"

	"loggregator/internal/wire"
)

// Scheme is how a drain is written to.
type Scheme uint8

// The drain schemes.
const (
	SchemeSyslog     Scheme = iota + 1 // syslog://: TCP, octet counting
	SchemeSyslogTLS                    // syslog-tls://: TLS, octet counting
	SchemeHTTPS                        // https://: one POST per message
	SchemeHTTPSBatch                   // https-batch://: one POST per batch
)

func (s Scheme) String() string {
	switch s {
	case SchemeSyslog:
		return "syslog"
	case SchemeSyslogTLS:
		return "syslog-tls"
	case SchemeHTTPS:
		return "https"
	case SchemeHTTPSBatch:
		return "https-batch"
	}
	return "unknown"
}

// Kinds is a set of envelope kinds, one bit per wire.Kind.
type Kinds uint8

// Has reports whether k is in the set.
func (s Kinds) Has(k wire.Kind) bool { return s&(1<<k) != 0 }

func kinds(ks ...wire.Kind) Kinds {
	var s Kinds
	for _, k := range ks {
		s |= 1 << k
	}
	return s
}

// The sets the URL variants select (cf-syslog-format.md).
var (
	KindsDefault = kinds(wire.KindLog, wire.KindEvent)
	KindsLogs    = kinds(wire.KindLog)
	KindsMetrics = kinds(wire.KindCounter, wire.KindGauge)
	KindsTypeAll = kinds(wire.KindLog, wire.KindCounter, wire.KindGauge)
	KindsTraces  = kinds(wire.KindTimer)
	KindsAll     = kinds(wire.KindLog, wire.KindCounter, wire.KindGauge, wire.KindTimer, wire.KindEvent)
)

// URL is a parsed drain URL.
type URL struct {
	// Raw is the URL as bound; it may hold credentials, so it never goes
	// into a log line or a metric label (Anonymous does).
	Raw string
	// Scheme says which writer the drain gets.
	Scheme Scheme
	// Addr is host:port, with the scheme's default port when none is given.
	Addr string
	// Host is the host without the port, the TLS server name.
	Host string
	// Kinds are the envelope kinds the drain receives.
	Kinds Kinds
	// OmitTags leaves the tags block out of every message.
	OmitTags bool
	// Anonymous is scheme://host:port/path: no user info, no query.
	Anonymous string
	// HTTPS is the URL an https or https-batch drain POSTs to (https://,
	// path and query kept, user info removed); User and Password, decoded,
	// become its Basic auth.
	HTTPS          string
	User, Password string
	HasUser        bool
}

// ErrInvalidURL is wrapped by every error ParseURL returns.
var ErrInvalidURL = errors.New("invalid drain URL")

// ParseURL parses a bound drain URL. defaultMetadata is the job's
// default_drain_metadata: false omits tags unless the URL says
// disable-metadata=false. Errors wrap ErrInvalidURL and never contain the
// URL's credentials.
func ParseURL(raw string, defaultMetadata bool) (URL, error) {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		return URL{}, fmt.Errorf("%w: cannot be parsed", ErrInvalidURL)
	}
	d := URL{Raw: raw, Kinds: KindsDefault}
	port := ""
	switch u.Scheme {
	case "syslog":
		d.Scheme, port = SchemeSyslog, "514"
	case "syslog-tls":
		d.Scheme, port = SchemeSyslogTLS, "6514"
	case "https":
		d.Scheme, port = SchemeHTTPS, "443"
	case "https-batch":
		d.Scheme, port = SchemeHTTPSBatch, "443"
	default:
		return URL{}, fmt.Errorf("%w: scheme %q is not syslog, syslog-tls, https or https-batch", ErrInvalidURL, u.Scheme)
	}
	d.Host = u.Hostname()
	if d.Host == "" {
		return URL{}, fmt.Errorf("%w: %s:// without a host", ErrInvalidURL, u.Scheme)
	}
	if p := u.Port(); p != "" {
		if n, err := strconv.Atoi(p); err != nil || n < 1 || n > 65535 {
			return URL{}, fmt.Errorf("%w: port %q", ErrInvalidURL, p)
		}
		port = p
	}
	d.Addr = net.JoinHostPort(d.Host, port)
	d.Anonymous = u.Scheme + "://" + d.Addr + u.EscapedPath()

	q := u.Query()
	if d.Kinds, err = queryKinds(q); err != nil {
		return URL{}, err
	}
	d.OmitTags = !defaultMetadata
	for _, key := range []string{"disable-metadata", "omit-metadata"} {
		if v := q.Get(key); v != "" {
			b, err := strconv.ParseBool(v)
			if err != nil {
				return URL{}, fmt.Errorf("%w: %s=%q is not true or false", ErrInvalidURL, key, v)
			}
			d.OmitTags = b
		}
	}

	if d.Scheme == SchemeHTTPS || d.Scheme == SchemeHTTPSBatch {
		if u.User != nil {
			d.User, d.HasUser = u.User.Username(), true
			d.Password, _ = u.User.Password()
		}
		h := *u
		h.Scheme, h.User = "https", nil
		d.HTTPS = h.String()
	}
	return d, nil
}

// queryKinds decides the kinds from drain-type, drain-data and
// include-metrics-deprecated; drain-data wins over drain-type, and
// include-metrics-deprecated=true over both.
func queryKinds(q url.Values) (Kinds, error) {
	if v := q.Get("include-metrics-deprecated"); v != "" {
		b, err := strconv.ParseBool(v)
		if err != nil {
			return 0, fmt.Errorf("%w: include-metrics-deprecated=%q is not true or false", ErrInvalidURL, v)
		}
		if b {
			return KindsAll, nil
		}
	}
	if v := q.Get("drain-data"); v != "" {
		switch v {
		case "logs":
			return KindsDefault, nil
		case "metrics":
			return KindsMetrics, nil
		case "traces":
			return KindsTraces, nil
		case "all":
			return KindsAll, nil
		}
		return 0, fmt.Errorf("%w: drain-data=%q is not logs, metrics, traces or all", ErrInvalidURL, v)
	}
	if v := q.Get("drain-type"); v != "" {
		switch v {
		case "logs":
			return KindsLogs, nil
		case "metrics":
			return KindsMetrics, nil
		case "all":
			return KindsTypeAll, nil
		}
		return 0, fmt.Errorf("%w: drain-type=%q is not logs, metrics or all", ErrInvalidURL, v)
	}
	return KindsDefault, nil
}
