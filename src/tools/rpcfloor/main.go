// Command rpcfloor measures what the bare transport under a component costs
// on this machine, so that a component's figures can be read against the
// floor they stand on. Servers run as child processes (this binary again,
// GOMAXPROCS 1 as the agent runs, with the components' default timer slack,
// --timer-slack) and their CPU (getrusage, user + system) is divided by the
// work they did.
//
// At a fixed rate of requests sent one at a time (--rate, 1,000/s as
// unary-1k), the CPU of one request/response, for servers that do nothing
// else:
//
//   - tcp: a 4-byte length and a message, a 4-byte answer, on plain TCP;
//   - tls: the same over TLS (1.3, AES-128-GCM);
//   - grpc: loggregator v2 Ingress.Send with an empty handler, over TLS with
//     the transport options of every envelope server (wire.ServerOptions),
//     called with go-loggregator's generated client as unary emitters do.
//
// At --relay-rate envelopes a second in batches of --relay-batch (100,000/s
// in 250s, as rate-100k-4 flows), the CPU per envelope of a relay that
// passes every batch from one connection to another and does nothing else,
// the floor of one hop of the firehose:
//
//   - relay-tcp, relay-tls: length-prefixed batches, one write per batch;
//   - relay-grpc: Ingress.BatchSender in, Egress.BatchedReceiver out, the
//     batches kept encoded (wire.Batch) and sent on from the receiving
//     goroutine, with the envelope servers' options.
//
// The agent's CPU in unary-1k is the grpc figure plus its own work, and
// agent + router + rlp in rate-100k-4 three hops of relay-grpc plus theirs.
//
//	go run ./tools/rpcfloor [--rate 1000] [--relay-rate 100000] [--relay-batch 250] [--for 5s] [--timer-slack 5ms]
package main

import (
	"bufio"
	"context"
	"crypto/tls"
	"crypto/x509"
	"encoding/binary"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"code.cloudfoundry.org/go-loggregator/v10/rpc/loggregator_v2"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials"
	"google.golang.org/protobuf/proto"

	"loggregator/internal/certgen"
	"loggregator/internal/config"
	"loggregator/internal/procs"
	"loggregator/internal/wire"
)

// modes are the servers measured, cheapest first.
var modes = []string{"tcp", "tls", "grpc"}

// relayModes pass batches from one connection to another, as each hop of
// the firehose does, with nothing else: the floor under rate-100k-4.
var relayModes = []string{"relay-tcp", "relay-tls", "relay-grpc"}

func main() {
	serve := flag.String("serve", "", "run as the server of this mode (used by the measuring process)")
	slack := flag.Duration("timer-slack", config.DefaultTimerSlack.D(), "the server's timer slack, as the components' timer_slack (0s: the kernel's 50 µs)")
	rate := flag.Int("rate", 1000, "requests per second, sent one at a time")
	span := flag.Duration("for", 5*time.Second, "how long to measure each mode")
	relayRate := flag.Int("relay-rate", 100_000, "envelopes per second through the relays (0: measure no relay)")
	relayBatch := flag.Int("relay-batch", 250, "envelopes per batch through the relays")
	flag.Parse()
	if *serve != "" {
		if err := procs.SetTimerSlack(*slack); err != nil {
			fmt.Fprintln(os.Stderr, "rpcfloor server: timer slack not set:", err)
		}
		if err := runServer(*serve); err != nil {
			fmt.Fprintln(os.Stderr, "rpcfloor server:", err)
			os.Exit(1)
		}
		return
	}
	if *rate < 1 || *span <= 0 || *relayRate < 0 || *relayBatch < 1 {
		fmt.Fprintln(os.Stderr, "rpcfloor: --rate and --relay-batch must be at least 1, --relay-rate not negative and --for positive")
		os.Exit(2)
	}
	for _, m := range modes {
		res, err := measure(m, *rate, *span, *slack)
		if err != nil {
			fmt.Fprintf(os.Stderr, "rpcfloor: %s: %v\n", m, err)
			os.Exit(1)
		}
		fmt.Printf("%-4s: %.0f exchanges/s, %.1f µs of server CPU per exchange, %.2f %% of a core\n",
			m, res.perSecond, res.cpuPerExchange, res.coreShare)
	}
	if *relayRate == 0 {
		return
	}
	for _, m := range relayModes {
		res, err := measureRelay(m, *relayRate, *relayBatch, *span, *slack)
		if err != nil {
			fmt.Fprintf(os.Stderr, "rpcfloor: %s: %v\n", m, err)
			os.Exit(1)
		}
		fmt.Printf("%-9s: %.0f envelopes/s in batches of %d, %.2f µs of relay CPU per envelope, %.2f %% of a core\n",
			m, res.perSecond, *relayBatch, res.cpuPerExchange, res.coreShare)
	}
}

type result struct {
	perSecond, cpuPerExchange, coreShare float64
}

// server is a server process of one mode, started by start.
type server struct {
	addr      string
	clientTLS *tls.Config // trusts the server's certificate
	child     *exec.Cmd
	toChild   io.WriteCloser
	lines     *bufio.Scanner
}

// start runs this binary as the server of mode, with the timer slack given.
func start(mode string, slack time.Duration) (*server, error) {
	pair, caPEM, err := identity()
	if err != nil {
		return nil, err
	}
	child := exec.Command(os.Args[0], "--serve", mode, "--timer-slack", slack.String())
	child.Stderr = os.Stderr
	child.Env = append(os.Environ(), "RPCFLOOR_CERT="+string(pair.CertPEM), "RPCFLOOR_KEY="+string(pair.KeyPEM))
	toChild, err := child.StdinPipe()
	if err != nil {
		return nil, err
	}
	fromChild, err := child.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := child.Start(); err != nil {
		return nil, err
	}
	srv := &server{child: child, toChild: toChild, lines: bufio.NewScanner(fromChild)}
	if !srv.lines.Scan() {
		srv.stop()
		return nil, errors.New("the server did not report its address")
	}
	srv.addr = srv.lines.Text()
	roots := x509.NewCertPool()
	roots.AppendCertsFromPEM(caPEM)
	srv.clientTLS = &tls.Config{RootCAs: roots, ServerName: "rpcfloor", MinVersion: tls.VersionTLS12}
	return srv, nil
}

// cpu is the server's CPU time so far.
func (s *server) cpu() (time.Duration, error) {
	if _, err := io.WriteString(s.toChild, "cpu\n"); err != nil {
		return 0, err
	}
	if !s.lines.Scan() {
		return 0, errors.New("the server did not report its CPU")
	}
	ns, err := strconv.ParseInt(s.lines.Text(), 10, 64)
	return time.Duration(ns), err
}

// stop ends the server: it exits when its stdin ends.
func (s *server) stop() {
	_ = s.toChild.Close()
	_ = s.child.Wait()
}

// measure starts a server of mode in a child process, connects, warms up,
// and sends rate requests a second for span, one at a time.
func measure(mode string, rate int, span, slack time.Duration) (result, error) {
	srv, err := start(mode, slack)
	if err != nil {
		return result{}, err
	}
	defer srv.stop()
	call, closeClient, err := dial(mode, srv.addr, srv.clientTLS)
	if err != nil {
		return result{}, err
	}
	defer closeClient()

	for range 200 { // warm up: connection, buffers, the server's heap
		if err := call(); err != nil {
			return result{}, err
		}
	}
	cpu0, err := srv.cpu()
	if err != nil {
		return result{}, err
	}
	begin := time.Now()
	interval := time.Second / time.Duration(rate)
	n := 0
	for time.Since(begin) < span {
		if err := call(); err != nil {
			return result{}, err
		}
		n++
		if wait := time.Until(begin.Add(time.Duration(n) * interval)); wait > 0 {
			time.Sleep(wait)
		}
	}
	elapsed := time.Since(begin)
	cpu1, err := srv.cpu()
	if err != nil {
		return result{}, err
	}
	return share(n, cpu1-cpu0, elapsed), nil
}

// share is n exchanges (or envelopes) that cost used over elapsed.
func share(n int, used, elapsed time.Duration) result {
	return result{
		perSecond:      float64(n) / elapsed.Seconds(),
		cpuPerExchange: float64(used.Nanoseconds()) / 1e3 / float64(n),
		coreShare:      100 * used.Seconds() / elapsed.Seconds(),
	}
}

// identity makes a CA and a server certificate for "rpcfloor".
func identity() (certgen.Pair, []byte, error) {
	ca, err := certgen.NewCA("rpcfloor-ca")
	if err != nil {
		return certgen.Pair{}, nil, err
	}
	pair, err := ca.Leaf("rpcfloor", certgen.LeafOptions{})
	return pair, ca.CertPEM, err
}

// dial connects a client of mode and returns one exchange and a close.
func dial(mode, addr string, tlsCfg *tls.Config) (func() error, func(), error) {
	if mode == "grpc" {
		conn, err := grpc.NewClient(addr, grpc.WithTransportCredentials(credentials.NewTLS(tlsCfg)))
		if err != nil {
			return nil, nil, err
		}
		client := loggregator_v2.NewIngressClient(conn)
		env := sampleEnvelope()
		call := func() error {
			ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
			defer cancel()
			_, err := client.Send(ctx, &loggregator_v2.EnvelopeBatch{Batch: []*loggregator_v2.Envelope{env}})
			return err
		}
		return call, func() { _ = conn.Close() }, nil
	}
	var conn net.Conn
	var err error
	if mode == "tls" {
		conn, err = tls.Dial("tcp", addr, tlsCfg)
	} else {
		conn, err = net.Dial("tcp", addr)
	}
	if err != nil {
		return nil, nil, err
	}
	msg, err := proto.Marshal(sampleEnvelope())
	if err != nil {
		return nil, nil, err
	}
	frame := binary.BigEndian.AppendUint32(nil, uint32(len(msg)))
	frame = append(frame, msg...)
	answer := make([]byte, 4)
	call := func() error {
		if _, err := conn.Write(frame); err != nil {
			return err
		}
		_, err := io.ReadFull(conn, answer)
		return err
	}
	return call, func() { _ = conn.Close() }, nil
}

// sampleEnvelope is a log of the probe's shape: 64 bytes of payload and a
// few tags.
func sampleEnvelope() *loggregator_v2.Envelope {
	return &loggregator_v2.Envelope{
		Timestamp: time.Now().UnixNano(),
		SourceId:  "rpcfloor",
		Tags:      map[string]string{"run_id": "0123456789ab", "emitter": "0", "seq": "12345"},
		Message: &loggregator_v2.Envelope_Log{Log: &loggregator_v2.Log{
			Payload: []byte(strings.Repeat("x", 64)),
		}},
	}
}

// runServer serves mode on a loopback port, writes the address to stdout,
// answers each "cpu" line on stdin with its CPU time in nanoseconds, and
// returns when stdin ends.
func runServer(mode string) error {
	runtime.GOMAXPROCS(1)
	pair, err := tls.X509KeyPair([]byte(os.Getenv("RPCFLOOR_CERT")), []byte(os.Getenv("RPCFLOOR_KEY")))
	if err != nil {
		return fmt.Errorf("load the certificate: %w", err)
	}
	tlsCfg := &tls.Config{Certificates: []tls.Certificate{pair}, MinVersion: tls.VersionTLS12}
	lis, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	defer lis.Close()
	switch mode {
	case "grpc":
		srv := grpc.NewServer(wire.ServerOptions(tlsCfg)...)
		loggregator_v2.RegisterIngressServer(srv, emptyIngress{})
		go func() { _ = srv.Serve(lis) }()
		defer srv.Stop()
	case "tcp", "tls":
		go acceptFrames(lis, mode == "tls", tlsCfg)
	case "relay-tcp", "relay-tls":
		go relay(lis, mode == "relay-tls", tlsCfg)
	case "relay-grpc":
		srv := grpc.NewServer(wire.ServerOptions(tlsCfg)...)
		registerGRPCRelay(srv)
		go func() { _ = srv.Serve(lis) }()
		defer srv.Stop()
	default:
		return fmt.Errorf("unknown mode %q (want one of %s)", mode, strings.Join(append(modes, relayModes...), ", "))
	}
	fmt.Println(lis.Addr().String())
	in := bufio.NewScanner(os.Stdin)
	for in.Scan() {
		var ru syscall.Rusage
		if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
			return err
		}
		fmt.Println(ru.Utime.Nano() + ru.Stime.Nano())
	}
	return in.Err()
}

// acceptFrames answers every length-prefixed message with 4 bytes.
func acceptFrames(lis net.Listener, withTLS bool, tlsCfg *tls.Config) {
	for {
		conn, err := lis.Accept()
		if err != nil {
			return
		}
		if withTLS {
			conn = tls.Server(conn, tlsCfg)
		}
		go func() {
			defer conn.Close()
			r := bufio.NewReaderSize(conn, 64<<10)
			head := make([]byte, 4)
			body := make([]byte, 0, 4096)
			for {
				if _, err := io.ReadFull(r, head); err != nil {
					return
				}
				n := binary.BigEndian.Uint32(head)
				if n > 1<<20 {
					return
				}
				body = body[:n]
				if _, err := io.ReadFull(r, body); err != nil {
					return
				}
				if _, err := conn.Write(head); err != nil {
					return
				}
			}
		}()
	}
}

// relay takes two connections, the first byte of each saying which it is
// ('i' the input, 'o' the output), and writes every frame read from the
// input to the output in one write.
func relay(lis net.Listener, withTLS bool, tlsCfg *tls.Config) {
	var in, out net.Conn
	for in == nil || out == nil {
		conn, err := lis.Accept()
		if err != nil {
			return
		}
		if withTLS {
			conn = tls.Server(conn, tlsCfg)
		}
		hello := make([]byte, 1)
		if _, err := io.ReadFull(conn, hello); err != nil {
			_ = conn.Close()
			continue
		}
		if hello[0] == 'i' {
			in = conn
		} else {
			out = conn
		}
	}
	defer in.Close()
	defer out.Close()
	r := bufio.NewReaderSize(in, 256<<10)
	frame := make([]byte, 0, 64<<10)
	for {
		frame = frame[:4]
		if _, err := io.ReadFull(r, frame); err != nil {
			return
		}
		n := binary.BigEndian.Uint32(frame)
		if n > 16<<20 {
			return
		}
		frame = slices.Grow(frame, int(n))[:4+n]
		if _, err := io.ReadFull(r, frame[4:]); err != nil {
			return
		}
		if _, err := out.Write(frame); err != nil {
			return
		}
	}
}

// measureRelay starts a relay of mode, sends it rate envelopes a second in
// batches of batch for span, and reads them back on the other connection.
func measureRelay(mode string, rate, batch int, span, slack time.Duration) (result, error) {
	srv, err := start(mode, slack)
	if err != nil {
		return result{}, err
	}
	defer srv.stop()
	envs := make([]*loggregator_v2.Envelope, batch)
	for i := range envs {
		envs[i] = sampleEnvelope()
	}
	interval := time.Duration(float64(time.Second) * float64(batch) / float64(rate))
	if mode == "relay-grpc" {
		return measureGRPCRelay(srv, envs, interval, span)
	}
	connect := func(hello byte) (net.Conn, error) {
		var conn net.Conn
		var err error
		if mode == "relay-tls" {
			conn, err = tls.Dial("tcp", srv.addr, srv.clientTLS)
		} else {
			conn, err = net.Dial("tcp", srv.addr)
		}
		if err != nil {
			return nil, err
		}
		if _, err := conn.Write([]byte{hello}); err != nil {
			_ = conn.Close()
			return nil, err
		}
		return conn, nil
	}
	in, err := connect('i')
	if err != nil {
		return result{}, err
	}
	defer in.Close()
	out, err := connect('o')
	if err != nil {
		return result{}, err
	}
	defer out.Close()

	body, err := proto.Marshal(&loggregator_v2.EnvelopeBatch{Batch: envs})
	if err != nil {
		return result{}, err
	}
	frame := binary.BigEndian.AppendUint32(nil, uint32(len(body)))
	frame = append(frame, body...)

	var received atomic.Int64 // frames read back
	readErr := make(chan error, 1)
	go func() {
		r := bufio.NewReaderSize(out, 256<<10)
		buf := make([]byte, len(frame))
		for {
			if _, err := io.ReadFull(r, buf); err != nil {
				readErr <- err
				return
			}
			received.Add(1)
		}
	}()
	sent := int64(0)
	send := func(frames int, interval time.Duration) error {
		err := paced(frames, interval, func() error {
			_, err := in.Write(frame)
			return err
		})
		if err != nil {
			return err
		}
		sent += int64(frames)
		return allBack(&received, sent, readErr)
	}
	if err := send(100, interval); err != nil { // warm up
		return result{}, err
	}
	cpu0, err := srv.cpu()
	if err != nil {
		return result{}, err
	}
	frames := max(1, int(span/interval))
	begin := time.Now()
	if err := send(frames, interval); err != nil {
		return result{}, err
	}
	elapsed := time.Since(begin)
	cpu1, err := srv.cpu()
	if err != nil {
		return result{}, err
	}
	return share(frames*len(envs), cpu1-cpu0, elapsed), nil
}

// paced calls send n times, one every interval.
func paced(n int, interval time.Duration, send func() error) error {
	begin := time.Now()
	for i := range n {
		if err := send(); err != nil {
			return err
		}
		if wait := time.Until(begin.Add(time.Duration(i+1) * interval)); wait > 0 {
			time.Sleep(wait)
		}
	}
	return nil
}

// allBack waits until the reader counted want in received, or failed.
func allBack(received *atomic.Int64, want int64, readErr <-chan error) error {
	deadline := time.Now().Add(10 * time.Second)
	for received.Load() < want {
		select {
		case err := <-readErr:
			return fmt.Errorf("read from the relay: %w", err)
		default:
		}
		if time.Now().After(deadline) {
			return errors.New("the relay stopped passing what it was sent")
		}
		time.Sleep(time.Millisecond)
	}
	return nil
}

// registerGRPCRelay registers loggregator v2 Ingress.BatchSender and
// Egress.BatchedReceiver on srv, handling batches encoded (wire.Batch, as
// the components do): every batch received on a BatchSender stream is sent
// on the newest BatchedReceiver stream from the receiving goroutine, with no
// buffer and no hand-off between them.
func registerGRPCRelay(srv *grpc.Server) {
	var out atomic.Pointer[grpc.ServerStream]
	var sendMu sync.Mutex
	srv.RegisterService(&grpc.ServiceDesc{
		ServiceName: "loggregator.v2.Ingress",
		HandlerType: (*any)(nil),
		Streams: []grpc.StreamDesc{{StreamName: "BatchSender", ClientStreams: true, Handler: func(_ any, st grpc.ServerStream) error {
			var b wire.Batch
			for {
				if err := st.RecvMsg(&b); err != nil {
					if errors.Is(err, io.EOF) {
						return st.SendMsg(&loggregator_v2.BatchSenderResponse{})
					}
					return err
				}
				if o := out.Load(); o != nil {
					sendMu.Lock()
					err := (*o).SendMsg(&b)
					sendMu.Unlock()
					if err != nil {
						return err
					}
				}
				b.Release()
			}
		}}},
	}, nil)
	srv.RegisterService(&grpc.ServiceDesc{
		ServiceName: "loggregator.v2.Egress",
		HandlerType: (*any)(nil),
		Streams: []grpc.StreamDesc{{StreamName: "BatchedReceiver", ServerStreams: true, Handler: func(_ any, st grpc.ServerStream) error {
			var req loggregator_v2.EgressBatchRequest
			if err := st.RecvMsg(&req); err != nil {
				return err
			}
			out.Store(&st)
			<-st.Context().Done()
			return nil
		}}},
	}, nil)
}

// measureGRPCRelay sends batches of envs through a relay-grpc server, one
// every interval, with go-loggregator's generated clients, and reads them
// back on a BatchedReceiver stream.
func measureGRPCRelay(srv *server, envs []*loggregator_v2.Envelope, interval, span time.Duration) (result, error) {
	conn, err := grpc.NewClient(srv.addr, grpc.WithTransportCredentials(credentials.NewTLS(srv.clientTLS)))
	if err != nil {
		return result{}, err
	}
	defer conn.Close()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	rx, err := loggregator_v2.NewEgressClient(conn).BatchedReceiver(ctx, &loggregator_v2.EgressBatchRequest{ShardId: "rpcfloor"})
	if err != nil {
		return result{}, err
	}
	var received atomic.Int64 // envelopes read back
	readErr := make(chan error, 1)
	go func() {
		for {
			b, err := rx.Recv()
			if err != nil {
				readErr <- err
				return
			}
			received.Add(int64(len(b.GetBatch())))
		}
	}()
	tx, err := loggregator_v2.NewIngressClient(conn).BatchSender(ctx)
	if err != nil {
		return result{}, err
	}
	batch := &loggregator_v2.EnvelopeBatch{Batch: envs}
	sent := int64(0)
	send := func(batches int) error {
		if err := paced(batches, interval, func() error { return tx.Send(batch) }); err != nil {
			return err
		}
		sent += int64(batches * len(envs))
		return allBack(&received, sent, readErr)
	}
	// Warm up until the relay passes batches (the receiving stream may not
	// be registered when the first ones arrive), then with 100 more.
	for tries := 0; received.Load() == 0; tries++ {
		if tries == 100 {
			return result{}, errors.New("the relay passed nothing")
		}
		if err := tx.Send(batch); err != nil {
			return result{}, err
		}
		time.Sleep(10 * time.Millisecond)
	}
	time.Sleep(100 * time.Millisecond) // what was in flight arrives
	sent = received.Load()
	if err := send(100); err != nil {
		return result{}, err
	}
	cpu0, err := srv.cpu()
	if err != nil {
		return result{}, err
	}
	batches := max(1, int(span/interval))
	begin := time.Now()
	if err := send(batches); err != nil {
		return result{}, err
	}
	elapsed := time.Since(begin)
	cpu1, err := srv.cpu()
	if err != nil {
		return result{}, err
	}
	return share(batches*len(envs), cpu1-cpu0, elapsed), nil
}

// emptyIngress accepts every envelope and does nothing with it.
type emptyIngress struct {
	loggregator_v2.UnimplementedIngressServer
}

func (emptyIngress) Send(context.Context, *loggregator_v2.EnvelopeBatch) (*loggregator_v2.SendResponse, error) {
	return &loggregator_v2.SendResponse{}, nil
}
