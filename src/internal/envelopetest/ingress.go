package envelopetest

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"net"
	"slices"
	"strconv"
	"sync"
	"sync/atomic"

	"code.cloudfoundry.org/go-loggregator/v10/rpc/loggregator_v2"
	"google.golang.org/grpc"
	"google.golang.org/protobuf/proto"

	"loggregator/internal/ingress"
	"loggregator/internal/mtls"
	"loggregator/internal/wire"
)

// IngressSink is a loggregator v2 Ingress server (ingress.Server on a gRPC
// server built with wire.ServerOptions) over mutual TLS on loopback that
// records every envelope it receives. It stands in for the local agent of
// a component sending its own metrics, or for a router an agent forwards
// to. Make one with NewIngressSink and Stop or Close it when done; its
// methods are safe for concurrent use.
type IngressSink struct {
	ln     net.Listener
	grpc   *grpc.Server
	server *ingress.Server
	served chan struct{} // closed when Serve has returned

	envelopes atomic.Int64
	batches   atomic.Int64
	invalid   atomic.Int64
	discard   atomic.Bool

	quit     chan struct{} // closed by Stop and Close: stalled calls return
	quitOnce sync.Once

	mu      sync.Mutex
	raw     [][]byte                   // guarded by mu
	decoded []*loggregator_v2.Envelope // guarded by mu: raw[i] decoded, nil if it did not decode
	resume  chan struct{}              // guarded by mu: non-nil while stalled
}

// NewIngressSink serves on 127.0.0.1:0 with the identity in files (a
// certificate for the server name its clients check: "metron" for an
// agent, "doppler" for a router).
func NewIngressSink(files mtls.Files) (*IngressSink, error) {
	return NewIngressSinkOn("127.0.0.1:0", files)
}

// NewIngressSinkOn is NewIngressSink on addr, for a sink that comes back
// where an earlier one was.
func NewIngressSinkOn(addr string, files mtls.Files) (*IngressSink, error) {
	return newIngressSink(addr, files, false)
}

// NewAckedIngressSink is NewIngressSink that also offers acknowledged
// ingress (ingress.AckService) as routers of this release do: a batch is
// acknowledged once recorded, so a Stall holds acknowledgements back too.
func NewAckedIngressSink(files mtls.Files) (*IngressSink, error) {
	return newIngressSink("127.0.0.1:0", files, true)
}

// NewAckedIngressSinkOn is NewAckedIngressSink on addr, for a router of
// this release that comes back where an earlier one was.
func NewAckedIngressSinkOn(addr string, files mtls.Files) (*IngressSink, error) {
	return newIngressSink(addr, files, true)
}

func newIngressSink(addr string, files mtls.Files, acks bool) (*IngressSink, error) {
	tlsCfg, err := mtls.Server(files, nil)
	if err != nil {
		return nil, fmt.Errorf("ingress sink tls: %w", err)
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, fmt.Errorf("ingress sink listen %s: %w", addr, err)
	}
	s := &IngressSink{
		ln:     ln,
		grpc:   grpc.NewServer(wire.ServerOptions(tlsCfg)...),
		served: make(chan struct{}),
		quit:   make(chan struct{}),
	}
	s.server = ingress.NewServer(ingress.SinkFunc(s.accept), ingress.Config{Stopping: "ingress sink is stopping"})
	s.server.Register(s.grpc)
	if acks {
		s.server.RegisterAcks(s.grpc)
	}
	go func() {
		defer close(s.served)
		// Serve returns when Stop or Close ends it, or the listener fails;
		// a spec sees either as envelopes that never arrive.
		_ = s.grpc.Serve(ln)
	}()
	return s, nil
}

func (s *IngressSink) accept(envs [][]byte, invalid int) {
	s.mu.Lock()
	resume := s.resume
	s.mu.Unlock()
	if resume != nil {
		select {
		case <-resume:
		case <-s.quit:
			return
		}
	}
	s.batches.Add(1)
	s.envelopes.Add(int64(len(envs)))
	s.invalid.Add(int64(invalid))
	if s.discard.Load() {
		return
	}
	s.mu.Lock()
	s.raw = append(s.raw, envs...)
	s.mu.Unlock()
}

// Addr is the host:port of the Ingress API.
func (s *IngressSink) Addr() string { return s.ln.Addr().String() }

// Count is the number of envelopes received, kept or not.
func (s *IngressSink) Count() int { return int(s.envelopes.Load()) }

// Batches is the number of messages received: one per Send call, Sender
// envelope or BatchSender batch.
func (s *IngressSink) Batches() int { return int(s.batches.Load()) }

// Invalid is the number of records the codec could not frame.
func (s *IngressSink) Invalid() int { return int(s.invalid.Load()) }

// Raw returns the envelopes kept so far as they arrived, oldest first.
// The bytes are shared and must not be changed.
func (s *IngressSink) Raw() [][]byte {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.raw)
}

// Envelopes returns the envelopes kept so far, decoded, oldest first;
// records that do not decode as an Envelope are left out (compare with
// Raw). Each envelope is decoded once, on the first call that returns it.
func (s *IngressSink) Envelopes() []*loggregator_v2.Envelope {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, b := range s.raw[len(s.decoded):] {
		e := &loggregator_v2.Envelope{}
		if proto.Unmarshal(b, e) != nil {
			e = nil
		}
		s.decoded = append(s.decoded, e)
	}
	out := make([]*loggregator_v2.Envelope, 0, len(s.decoded))
	for _, e := range s.decoded {
		if e != nil {
			out = append(out, e)
		}
	}
	return out
}

// Counter returns the total of the newest counter envelope from sourceID
// named name whose tags include tags, or 0 when none has arrived.
func (s *IngressSink) Counter(sourceID, name string, tags map[string]string) uint64 {
	for _, e := range slices.Backward(s.Envelopes()) {
		if e.GetSourceId() == sourceID && e.GetCounter().GetName() == name && hasTags(e, tags) {
			return e.GetCounter().GetTotal()
		}
	}
	return 0
}

func hasTags(e *loggregator_v2.Envelope, tags map[string]string) bool {
	for k, v := range tags {
		if e.GetTags()[k] != v {
			return false
		}
	}
	return true
}

// Discard makes the sink count what it receives from then on without
// keeping it, as a benchmark's stand-in must.
func (s *IngressSink) Discard() { s.discard.Store(true) }

// Stall makes the sink stop reading, like a router that falls behind:
// each stream's next message is held unrecorded, and the producer's
// writes back up behind it, until Resume (which records it) or Stop or
// Close (which drop it).
func (s *IngressSink) Stall() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.resume == nil {
		s.resume = make(chan struct{})
	}
}

// Resume makes a stalled sink read again.
func (s *IngressSink) Resume() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.resume != nil {
		close(s.resume)
		s.resume = nil
	}
}

// Stop stops the sink as a component stops its ingress: open streams end
// with codes.Unavailable, new calls are refused, then the listener and
// every connection close. What it recorded stays readable.
func (s *IngressSink) Stop() {
	s.quitOnce.Do(func() { close(s.quit) })
	s.server.Stop()
	s.grpc.Stop()
	<-s.served
}

// Close makes the sink vanish like a killed process: the listener and
// every connection close at once, without a status. What it recorded stays
// readable. Close and Stop may be called in any order, more than once.
func (s *IngressSink) Close() {
	s.grpc.Stop() // first: a stalled message released below must not be acknowledged
	s.quitOnce.Do(func() { close(s.quit) })
	s.server.Stop()
	<-s.served
}

// FreePort returns a loopback TCP port that nothing listens on, for a
// process under test to bind. The port is below the kernel's ephemeral
// range (net.ipv4.ip_local_port_range starts at 32768 by default): a port
// the kernel hands out for ":0" and that is then closed can be taken by any
// process's outgoing connection before the process under test binds it,
// which happened with suites running side by side. The search starts at a
// random port, so suites side by side rarely try the same one, and no port
// is handed out twice in one test process.
func FreePort() (int, error) {
	const lo, hi = 20000, 32767
	handedOut.Lock()
	defer handedOut.Unlock()
	start := rand.IntN(hi - lo + 1)
	for i := range hi - lo + 1 {
		port := lo + (start+i)%(hi-lo+1)
		if handedOut.ports[port] {
			continue
		}
		ln, err := net.Listen("tcp", net.JoinHostPort("127.0.0.1", strconv.Itoa(port)))
		if err != nil {
			continue
		}
		_ = ln.Close()
		handedOut.ports[port] = true
		return port, nil
	}
	return 0, errors.New("envelopetest: no free port between 20000 and 32767")
}

// handedOut is the ports FreePort has returned in this process.
var handedOut = struct {
	sync.Mutex
	ports map[int]bool
}{ports: map[int]bool{}}

// FreeAddr is FreePort as "127.0.0.1:port".
func FreeAddr() (string, error) {
	port, err := FreePort()
	if err != nil {
		return "", err
	}
	return net.JoinHostPort("127.0.0.1", strconv.Itoa(port)), nil
}
