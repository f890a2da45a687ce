package syslog

import (
	"bufio"
	"fmt"
)

// SkipFrame reads one RFC 6587 octet-counted frame ("LEN SP MSG", the
// framing a Drain writes on syslog:// and syslog-tls:// connections) from r
// and discards its message. It returns r's error (io.EOF at a frame
// boundary when the stream ends) or an error for a length that is not
// digits. Receivers that only count frames, such as the benchmarks' TLS
// drains, loop on it.
func SkipFrame(r *bufio.Reader) error {
	size, digits := 0, 0
	for {
		ch, err := r.ReadByte()
		if err != nil {
			return err
		}
		if ch == ' ' && digits > 0 {
			break
		}
		if ch < '0' || ch > '9' || digits == 9 {
			return fmt.Errorf("syslog frame: bad octet count at byte %q", ch)
		}
		size = size*10 + int(ch-'0')
		digits++
	}
	_, err := r.Discard(size)
	return err
}
