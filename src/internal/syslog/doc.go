// Package syslog ships envelopes to syslog drains as Cloud Foundry's syslog
// agent does, byte for byte: RFC 5424 messages (Formatter), drain URLs and
// the envelope kinds each variant receives (ParseURL), and the writers for
// the four schemes (NewDrain): syslog:// (TCP) and syslog-tls:// (TLS, with
// the binding's client certificate and CA for mutual TLS) framed by RFC 6587
// octet counting, https:// (one POST per message) and https-batch:// (one
// POST per batch of at most 512 KiB).
//
// The Formatter reads encoded envelopes through wire.FieldIter and appends
// into buffers it reuses, so a message costs no allocation once the buffers
// have grown. A Drain is a fanout.Writer: the syslog agent gives every drain
// its own lane, and the Drain formats and writes on that lane's goroutine, so
// a slow or dead drain spends only its own time. A failed write closes the
// connection and retries the batch after an exponential backoff with jitter
// (resolve.Backoff) up to Config.MaxAttempts; the batch is then given up and
// the lane counts it as failed.
//
// Two of Cloud Foundry's behaviours are deliberately not copied: an envelope
// whose tag key cannot be an SD-PARAM name is skipped and counted instead of
// blocking the drain, and a gauge's metrics go out sorted by name.
package syslog
