// Command rpcfloor measures what the server of one request/response over
// loopback costs on this machine, at a fixed rate of one request at a time:
// the floor under any component's CPU at the same rate of unary calls. A
// server process (this binary again, GOMAXPROCS 1 as the agent runs) answers
// a client in this process, and the server's CPU (getrusage, user + system)
// is divided by the exchanges, for three servers that do nothing else:
//
//   - tcp: a 4-byte length and a message, a 4-byte answer, on plain TCP;
//   - tls: the same over TLS (1.3, AES-128-GCM);
//   - grpc: loggregator v2 Ingress.Send with an empty handler, over TLS with
//     the transport options of every envelope server (wire.ServerOptions),
//     called with go-loggregator's generated client as unary emitters do.
//
// The server runs with the components' default timer slack (--timer-slack),
// which spares most of the Go runtime's idle polling. The agent's row
// unary-1k in docs/benchmarks.md pays the grpc figure plus its own work; the
// difference is what the agent can still save.
//
//	go run ./tools/rpcfloor [--rate 1000] [--for 5s] [--timer-slack 5ms]
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
	"strconv"
	"strings"
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

func main() {
	serve := flag.String("serve", "", "run as the server of this mode (used by the measuring process)")
	slack := flag.Duration("timer-slack", config.DefaultTimerSlack.D(), "the server's timer slack, as the components' timer_slack (0s: the kernel's 50 µs)")
	rate := flag.Int("rate", 1000, "requests per second, sent one at a time")
	span := flag.Duration("for", 5*time.Second, "how long to measure each mode")
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
	if *rate < 1 || *span <= 0 {
		fmt.Fprintln(os.Stderr, "rpcfloor: --rate must be at least 1 and --for positive")
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
}

type result struct {
	perSecond, cpuPerExchange, coreShare float64
}

// measure starts a server of mode in a child process, connects, warms up,
// and sends rate requests a second for span, one at a time.
func measure(mode string, rate int, span, slack time.Duration) (result, error) {
	pair, caPEM, err := identity()
	if err != nil {
		return result{}, err
	}
	child := exec.Command(os.Args[0], "--serve", mode, "--timer-slack", slack.String())
	child.Stderr = os.Stderr
	child.Env = append(os.Environ(), "RPCFLOOR_CERT="+string(pair.CertPEM), "RPCFLOOR_KEY="+string(pair.KeyPEM))
	toChild, err := child.StdinPipe()
	if err != nil {
		return result{}, err
	}
	fromChild, err := child.StdoutPipe()
	if err != nil {
		return result{}, err
	}
	if err := child.Start(); err != nil {
		return result{}, err
	}
	defer func() {
		_ = toChild.Close() // the server exits when its stdin ends
		_ = child.Wait()
	}()
	lines := bufio.NewScanner(fromChild)
	if !lines.Scan() {
		return result{}, errors.New("the server did not report its address")
	}
	addr := lines.Text()
	cpu := func() (time.Duration, error) {
		if _, err := io.WriteString(toChild, "cpu\n"); err != nil {
			return 0, err
		}
		if !lines.Scan() {
			return 0, errors.New("the server did not report its CPU")
		}
		ns, err := strconv.ParseInt(lines.Text(), 10, 64)
		return time.Duration(ns), err
	}

	roots := x509.NewCertPool()
	roots.AppendCertsFromPEM(caPEM)
	clientTLS := &tls.Config{RootCAs: roots, ServerName: "rpcfloor", MinVersion: tls.VersionTLS12}
	call, closeClient, err := dial(mode, addr, clientTLS)
	if err != nil {
		return result{}, err
	}
	defer closeClient()

	for range 200 { // warm up: connection, buffers, the server's heap
		if err := call(); err != nil {
			return result{}, err
		}
	}
	cpu0, err := cpu()
	if err != nil {
		return result{}, err
	}
	start := time.Now()
	interval := time.Second / time.Duration(rate)
	n := 0
	for time.Since(start) < span {
		if err := call(); err != nil {
			return result{}, err
		}
		n++
		if wait := time.Until(start.Add(time.Duration(n) * interval)); wait > 0 {
			time.Sleep(wait)
		}
	}
	elapsed := time.Since(start)
	cpu1, err := cpu()
	if err != nil {
		return result{}, err
	}
	used := cpu1 - cpu0
	return result{
		perSecond:      float64(n) / elapsed.Seconds(),
		cpuPerExchange: float64(used.Nanoseconds()) / 1e3 / float64(n),
		coreShare:      100 * used.Seconds() / elapsed.Seconds(),
	}, nil
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
	default:
		return fmt.Errorf("unknown mode %q (want one of %s)", mode, strings.Join(modes, ", "))
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

// emptyIngress accepts every envelope and does nothing with it.
type emptyIngress struct {
	loggregator_v2.UnimplementedIngressServer
}

func (emptyIngress) Send(context.Context, *loggregator_v2.EnvelopeBatch) (*loggregator_v2.SendResponse, error) {
	return &loggregator_v2.SendResponse{}, nil
}
