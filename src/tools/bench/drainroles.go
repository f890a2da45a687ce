package main

import (
	"bufio"
	"context"
	"crypto/tls"
	"encoding/json"
	"flag"
	"fmt"
	"net"
	"net/http"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"code.cloudfoundry.org/go-loggregator/v10/rpc/loggregator_v2"
	"google.golang.org/grpc"
	"google.golang.org/protobuf/proto"

	"loggregator/internal/binding"
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
	limit := fs.Int64("count", 0, "stop after this many envelopes; 0 sends for --duration")
	apps := fs.Int("apps", 0, "spread the logs over source ids app-0 ... app-<apps-1>, in turn; 0 sends every log from one app")
	if err := fs.Parse(args); err != nil {
		return err
	}
	tlsCfg, err := mtls.Client(id, "metron", nil)
	if err != nil {
		return err
	}
	conn, err := grpc.NewClient("passthrough:///"+*addr, append(wire.DialOptions(), grpc.WithTransportCredentials(wire.Credentials(tlsCfg)))...)
	if err != nil {
		return err
	}
	defer conn.Close()
	batches, err := logBatches(*apps, *payload)
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
	for i := range *streams {
		wg.Go(func() {
			// Each stream walks the batches from its own place, so that
			// together they spread over the apps as one stream does.
			turn := i * len(batches) / *streams
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
				batch := batches[turn%len(batches)]
				turn++
				if *limit > 0 && sent.Add(int64(len(batch.Envelopes))) > *limit {
					sent.Add(-int64(len(batch.Envelopes)))
					break
				}
				if err := stream.SendMsg(batch); err != nil {
					errs <- err
					return
				}
				if *limit == 0 {
					sent.Add(int64(len(batch.Envelopes)))
				}
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

// logBatches is the batches the emitter sends in turn, 100 encoded app logs
// each with five tags and a payload of size bytes. With apps 0 they are one
// batch from one app; otherwise ceil(apps/100) batches whose logs come from
// app-0 to app-<apps-1> in order, one log per app.
func logBatches(apps, size int) ([]*wire.Batch, error) {
	if apps == 0 {
		b, err := logBatch(100, size, func(int) string { return "6f8a2c1e-3b4d-4e5f-9a0b-1c2d3e4f5a6b" })
		return []*wire.Batch{b}, err
	}
	var bs []*wire.Batch
	for first := 0; first < apps; first += 100 {
		b, err := logBatch(min(100, apps-first), size, func(i int) string { return appID(first + i) })
		if err != nil {
			return nil, err
		}
		bs = append(bs, b)
	}
	return bs, nil
}

// appID is the source id of the i-th app of a scenario with apps.
func appID(i int) string { return fmt.Sprintf("app-%d", i) }

// logBatch is n encoded app logs, the i-th from source id app(i).
func logBatch(n, size int, app func(i int) string) (*wire.Batch, error) {
	b := &wire.Batch{}
	for i := range n {
		text := fmt.Sprintf(`10.0.0.1 - - "GET /v2/info HTTP/1.1" 200 512 "-" "curl/8.5" request %d `, i)
		text += strings.Repeat("x", max(0, size-len(text)))
		env, err := proto.Marshal(&loggregator_v2.Envelope{
			Timestamp: time.Now().UnixNano(), SourceId: app(i), InstanceId: "0",
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
	Healthy  []string `json:"healthy"`
	Hole     string   `json:"hole"`
	Bindings string   `json:"bindings,omitempty"` // the bindings source, with --apps
}

// receive listens with TLS (--cert, --key) on --healthy ports that count
// octet-counted frames, and on one black-hole port that completes the
// handshake of every connection and never reads. With --apps it also
// serves, over mTLS, the binding cache's GET /v2/bindings binding the apps
// to the drains (holeURLs then healthyURLs, app i to drain i mod drains). It
// prints receiverAddrs, then every 100 ms a line of the frames counted so
// far on each healthy port, until stdin closes or ctx ends.
func receive(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet(roleReceive, flag.ContinueOnError)
	cert := fs.String("cert", "", "server certificate file")
	key := fs.String("key", "", "server key file")
	healthy := fs.Int("healthy", 1, "counting listeners")
	apps := fs.Int("apps", 0, "apps to bind to the drains through a bindings source; 0 serves no bindings")
	holes := fs.Int("holes", 0, "with --apps, drains on the black-hole port")
	smallWindow := fs.Bool("small-window", false, "give the black-hole port's connections a 4 KiB receive buffer, so the kernel takes little of what the drains write")
	var cacheID mtls.Files
	fs.StringVar(&cacheID.CA, "bindings-ca", "", "with --apps, the CA of the syslog agent's client certificate")
	fs.StringVar(&cacheID.Cert, "bindings-cert", "", "with --apps, the bindings source's certificate")
	fs.StringVar(&cacheID.Key, "bindings-key", "", "with --apps, the bindings source's key")
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
	var hole net.Listener
	if *smallWindow {
		lc := net.ListenConfig{Control: func(_, _ string, c syscall.RawConn) error {
			var serr error
			if err := c.Control(func(fd uintptr) {
				serr = syscall.SetsockoptInt(int(fd), syscall.SOL_SOCKET, syscall.SO_RCVBUF, 4096)
			}); err != nil {
				return err
			}
			return serr
		}}
		raw, err := lc.Listen(ctx, "tcp", "127.0.0.1:0")
		if err != nil {
			return err
		}
		hole = tls.NewListener(raw, tlsCfg)
		lns = append(lns, hole)
	} else if hole, err = listen(); err != nil {
		return err
	}
	out.Hole = hole.Addr().String()
	if *apps > 0 {
		h := binding.NewHandler()
		if err := h.SetBindings(appBindings(*apps, append(holeURLs(out.Hole, *holes), healthyURLs(out.Healthy)...))); err != nil {
			return err
		}
		if err := h.SetAggregate(nil); err != nil {
			return err
		}
		srvTLS, err := mtls.Server(cacheID, nil)
		if err != nil {
			return fmt.Errorf("bindings tls: %w", err)
		}
		ln, err := tls.Listen("tcp", "127.0.0.1:0", srvTLS)
		if err != nil {
			return err
		}
		out.Bindings = ln.Addr().String()
		srv := &http.Server{Handler: h, ReadHeaderTimeout: 5 * time.Second}
		wg.Go(func() { _ = srv.Serve(ln) }) // ends with http.ErrServerClosed
		defer func() { _ = srv.Close() }()  // the bench is ending; its listener goes with it
	}
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

// healthyURLs are the drain URLs of the counting listeners.
func healthyURLs(addrs []string) []string {
	var urls []string
	for _, a := range addrs {
		urls = append(urls, "syslog-tls://"+a)
	}
	return urls
}

// holeURLs are n drain URLs on the black-hole listener, each its own drain.
func holeURLs(addr string, n int) []string {
	var urls []string
	for i := range n {
		urls = append(urls, fmt.Sprintf("syslog-tls://%s/?hole=%d", addr, i))
	}
	return urls
}

// appBindings binds app i (appID) to drain i mod len(urls).
func appBindings(apps int, urls []string) []binding.Binding {
	creds := make([]binding.Credentials, len(urls))
	for i := range apps {
		c := &creds[i%len(urls)]
		c.Apps = append(c.Apps, binding.App{AppID: appID(i), Hostname: "org.space." + appID(i)})
	}
	bs := make([]binding.Binding, len(urls))
	for i, u := range urls {
		bs[i] = binding.Binding{URL: u, Credentials: []binding.Credentials{creds[i]}}
	}
	return bs
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
