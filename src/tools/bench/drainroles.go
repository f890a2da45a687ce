package main

import (
	"bufio"
	"context"
	"crypto/tls"
	"encoding/json"
	"flag"
	"fmt"
	"net"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"code.cloudfoundry.org/go-loggregator/v10/rpc/loggregator_v2"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials"
	"google.golang.org/protobuf/proto"

	"loggregator/internal/mtls"
	"loggregator/internal/syslog"
	"loggregator/internal/wire"
)

// The drain set runs the syslog agent, the emitter and the drain receivers
// as three processes, so that the agent's CPU is read from its own
// /proc/<pid>/stat. The emitter and the receivers are this binary started
// again with a role as its first argument.
const (
	roleEmit    = "drain-emit"
	roleReceive = "drain-receive"
)

// runRole runs the role named by args[0] and reports whether it was one.
func runRole(ctx context.Context, args []string) (bool, error) {
	if len(args) == 0 {
		return false, nil
	}
	switch args[0] {
	case roleEmit:
		return true, emit(ctx, args[1:])
	case roleReceive:
		return true, receive(ctx, args[1:])
	}
	return false, nil
}

// emitResult is the emitter's one line of output.
type emitResult struct {
	Sent    int64   `json:"sent"`
	Seconds float64 `json:"seconds"`
}

// emit sends batches of 100 pre-encoded app logs to a v2 ingress over mTLS,
// flat out or at --rate envelopes/s, for --duration, then prints an
// emitResult. The envelopes go through wire.Codec, so the emitter spends
// its CPU on gRPC and TLS, not protobuf encoding.
func emit(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet(roleEmit, flag.ContinueOnError)
	addr := fs.String("addr", "", "the syslog agent's ingress")
	var id mtls.Files
	fs.StringVar(&id.CA, "ca", "", "CA file")
	fs.StringVar(&id.Cert, "cert", "", "client certificate file")
	fs.StringVar(&id.Key, "key", "", "client key file")
	rate := fs.Int("rate", 0, "envelopes per second over all streams; 0 is flat out")
	streams := fs.Int("streams", 1, "concurrent BatchSender streams")
	payload := fs.Int("payload", 200, "bytes of each log's payload")
	duration := fs.Duration("duration", 10*time.Second, "how long to send")
	if err := fs.Parse(args); err != nil {
		return err
	}
	tlsCfg, err := mtls.Client(id, "metron", nil)
	if err != nil {
		return err
	}
	conn, err := grpc.NewClient("passthrough:///"+*addr, append(wire.DialOptions(), grpc.WithTransportCredentials(credentials.NewTLS(tlsCfg)))...)
	if err != nil {
		return err
	}
	defer conn.Close()
	batch, err := logBatch(100, *payload)
	if err != nil {
		return err
	}
	// A batch every interval per stream makes the rate; flat out sends
	// the next batch as soon as the last is written.
	var interval time.Duration
	if *rate > 0 {
		interval = time.Duration(float64(time.Second) * 100 * float64(*streams) / float64(*rate))
	}
	sendCtx, cancel := context.WithTimeout(ctx, *duration)
	defer cancel()
	var sent atomic.Int64
	errs := make(chan error, *streams)
	start := time.Now()
	var wg sync.WaitGroup
	for range *streams {
		wg.Go(func() {
			stream, err := loggregator_v2.NewIngressClient(conn).BatchSender(ctx, grpc.ForceCodecV2(wire.NewCodec()))
			if err != nil {
				errs <- err
				return
			}
			next := time.Now()
			for sendCtx.Err() == nil {
				if interval > 0 {
					next = next.Add(interval)
					if d := time.Until(next); d > 0 {
						t := time.NewTimer(d)
						select {
						case <-sendCtx.Done():
							t.Stop()
							continue
						case <-t.C:
						}
					}
				}
				if err := stream.SendMsg(batch); err != nil {
					errs <- err
					return
				}
				sent.Add(int64(len(batch.Envelopes)))
			}
			_, _ = stream.CloseAndRecv() // the agent answers nothing that matters here
		})
	}
	wg.Wait()
	close(errs)
	if err := <-errs; err != nil {
		return fmt.Errorf("send: %w", err)
	}
	return json.NewEncoder(os.Stdout).Encode(emitResult{Sent: sent.Load(), Seconds: time.Since(start).Seconds()})
}

// logBatch is n encoded app logs of one app, each with five tags and a
// payload of size bytes.
func logBatch(n, size int) (*wire.Batch, error) {
	b := &wire.Batch{}
	for i := range n {
		text := fmt.Sprintf(`10.0.0.1 - - "GET /v2/info HTTP/1.1" 200 512 "-" "curl/8.5" request %d `, i)
		text += strings.Repeat("x", max(0, size-len(text)))
		env, err := proto.Marshal(&loggregator_v2.Envelope{
			Timestamp: time.Now().UnixNano(), SourceId: "6f8a2c1e-3b4d-4e5f-9a0b-1c2d3e4f5a6b", InstanceId: "0",
			Tags:    map[string]string{"source_type": "APP/PROC/WEB", "organization_name": "org", "space_name": "space", "app_name": "app"},
			Message: &loggregator_v2.Envelope_Log{Log: &loggregator_v2.Log{Payload: []byte(text)}},
		})
		if err != nil {
			return nil, err
		}
		b.Envelopes = append(b.Envelopes, env)
	}
	return b, nil
}

// receiverAddrs is the receiver's first line of output.
type receiverAddrs struct {
	Healthy []string `json:"healthy"`
	Hole    string   `json:"hole"`
}

// receive listens with TLS (--cert, --key) on --healthy ports that count
// octet-counted frames, and on one black-hole port that completes the
// handshake of every connection and never reads. It prints receiverAddrs,
// then every 100 ms a line of the frames counted so far on each healthy
// port, until stdin closes or ctx ends.
func receive(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet(roleReceive, flag.ContinueOnError)
	cert := fs.String("cert", "", "server certificate file")
	key := fs.String("key", "", "server key file")
	healthy := fs.Int("healthy", 1, "counting listeners")
	if err := fs.Parse(args); err != nil {
		return err
	}
	pair, err := tls.LoadX509KeyPair(*cert, *key)
	if err != nil {
		return err
	}
	tlsCfg := &tls.Config{Certificates: []tls.Certificate{pair}, MinVersion: tls.VersionTLS12}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	go func() {
		_, _ = bufio.NewReader(os.Stdin).ReadString(0) // returns when stdin closes
		cancel()
	}()

	var wg sync.WaitGroup
	defer wg.Wait()
	var lns []net.Listener
	defer func() {
		for _, ln := range lns {
			ln.Close()
		}
	}()
	listen := func() (net.Listener, error) {
		ln, err := tls.Listen("tcp", "127.0.0.1:0", tlsCfg)
		if err == nil {
			lns = append(lns, ln)
		}
		return ln, err
	}
	counts := make([]atomic.Int64, *healthy)
	var out receiverAddrs
	for i := range counts {
		ln, err := listen()
		if err != nil {
			return err
		}
		out.Healthy = append(out.Healthy, ln.Addr().String())
		wg.Go(func() { serve(ctx, ln, func(c net.Conn) { countFrames(c, &counts[i]) }) })
	}
	hole, err := listen()
	if err != nil {
		return err
	}
	out.Hole = hole.Addr().String()
	wg.Go(func() {
		serve(ctx, hole, func(c net.Conn) {
			if tc, ok := c.(*tls.Conn); ok {
				_ = tc.HandshakeContext(ctx) // then never read
			}
			<-ctx.Done()
		})
	})
	if err := json.NewEncoder(os.Stdout).Encode(out); err != nil {
		return err
	}
	tick := time.NewTicker(100 * time.Millisecond)
	defer tick.Stop()
	w := bufio.NewWriter(os.Stdout)
	for {
		select {
		case <-ctx.Done():
			return nil
		case <-tick.C:
		}
		// A bufio.Writer keeps its first error; Flush reports it.
		for i := range counts {
			if i > 0 {
				_ = w.WriteByte(' ')
			}
			_, _ = fmt.Fprint(w, counts[i].Load())
		}
		_ = w.WriteByte('\n')
		if err := w.Flush(); err != nil {
			return nil // the bench stopped reading
		}
	}
}

// serve accepts on ln until ctx ends, handling each connection on its own
// goroutine and closing it when ctx ends.
func serve(ctx context.Context, ln net.Listener, handle func(net.Conn)) {
	var wg sync.WaitGroup
	defer wg.Wait()
	stop := context.AfterFunc(ctx, func() { ln.Close() })
	defer stop()
	for {
		c, err := ln.Accept()
		if err != nil {
			return
		}
		wg.Go(func() {
			defer c.Close()
			stopConn := context.AfterFunc(ctx, func() { c.Close() })
			defer stopConn()
			handle(c)
		})
	}
}

// countFrames reads octet-counted frames from c, adding one to n for each.
func countFrames(c net.Conn, n *atomic.Int64) {
	r := bufio.NewReaderSize(c, 256<<10)
	for syslog.SkipFrame(r) == nil {
		n.Add(1)
	}
}
