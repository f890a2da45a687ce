package trafficcontroller

import (
	"context"
	"io"
	"net"
	"net/http"
	"strings"
	"syscall"
	"testing"
	"time"

	"code.cloudfoundry.org/go-loggregator/v10/rpc/loggregator_v2"
	"github.com/gorilla/websocket"
	"google.golang.org/protobuf/proto"

	"loggregator/internal/metrics"
)

// BenchmarkSend is the traffic controller's work per envelope on the way
// out, without the routers: a batch of 64 encoded v2 envelopes (a log as a
// router sends it, with the tags Cloud Foundry's components set) through
// wsStream.Send, which decodes each, converts it to v1, marshals it and
// writes it as a binary frame on a real websocket over loopback TCP (the
// gathering listener the traffic controller serves on), read and discarded
// by a gorilla client in this process. ns/op and cpu-ns/op are per
// envelope; cpu-ns/op is the process's CPU (getrusage), reader included.
func BenchmarkSend(b *testing.B) {
	e := &loggregator_v2.Envelope{
		Timestamp: time.Now().UnixNano(), SourceId: "f47ac10b-58cc-4372-a567-0e02b2c3d479", InstanceId: "0",
		Tags: map[string]string{"source_type": "APP/PROC/WEB", "origin": "rep", "deployment": "cf", "job": "diego-cell",
			"index": "0d6ba8ae-2d33-4c4b-a3a4-3c8c9b2fa6a2", "ip": "10.0.1.5"},
		Message: &loggregator_v2.Envelope_Log{Log: &loggregator_v2.Log{Payload: []byte(strings.Repeat("x", 100))}},
	}
	raw, err := proto.Marshal(e)
	if err != nil {
		b.Fatal(err)
	}
	batch := make([][]byte, 64)
	for i := range batch {
		batch[i] = raw
	}

	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		b.Fatal(err)
	}
	conns := make(chan *websocket.Conn, 1)
	srv := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		c, err := upgrader.Upgrade(w, r, nil)
		if err != nil {
			return
		}
		conns <- c
	}), ReadHeaderTimeout: 10 * time.Second}
	go func() { _ = srv.Serve(listener{ln}) }()
	defer srv.Close()
	client, resp, err := websocket.DefaultDialer.Dial("ws://"+ln.Addr().String()+"/", nil)
	if err != nil {
		b.Fatal(err)
	}
	_ = resp.Body.Close()
	defer client.Close()
	frames := make(chan int, 1)
	go func() {
		n := 0
		defer func() { frames <- n }()
		for {
			_, r, err := client.NextReader()
			if err != nil {
				return
			}
			if _, err := io.Copy(io.Discard, r); err != nil {
				return
			}
			n++
		}
	}()
	conn := <-conns
	st := &wsStream{ctx: context.Background(), conn: conn, timeout: time.Minute, m: newMetrics(metrics.NewRegistry())}

	b.ReportAllocs()
	cpu0 := processCPU()
	sent := 0
	for b.Loop() {
		if err := st.Send(batch); err != nil {
			b.Fatal(err)
		}
		sent += len(batch)
	}
	_ = conn.Close()
	got := <-frames
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(sent), "ns/env")
	b.ReportMetric(float64((processCPU()-cpu0).Nanoseconds())/float64(sent), "cpu-ns/env")
	if got < sent-len(batch)*4 { // the frames of the last writes may be cut by the close
		b.Fatalf("the reader got %d of %d frames", got, sent)
	}
}

// processCPU is the user and system CPU time of this process so far.
func processCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
