// Package metricstest has a stand-in for the local agent, for the suites of
// components that send their own metrics to it (metrics.Registry.EmitToAgent),
// and readers of /metrics pages for the suites that check a metric.
package metricstest

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"slices"
	"sync"

	"code.cloudfoundry.org/go-loggregator/v10/rpc/loggregator_v2"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials"

	"loggregator/internal/mtls"
)

// Agent is a real v2 Ingress server over mutual TLS on 127.0.0.1 that keeps
// every envelope it receives (unary Send and BatchSender). Make one with
// NewAgent and Stop it when done.
type Agent struct {
	loggregator_v2.UnimplementedIngressServer

	ln  net.Listener
	srv *grpc.Server

	mu   sync.Mutex
	envs []*loggregator_v2.Envelope // guarded by mu
}

// NewAgent listens on 127.0.0.1:0 with the identity in files (a certificate
// for the name clients check, "metron" by default) and serves until Stop.
func NewAgent(files mtls.Files) (*Agent, error) { return NewAgentOn("127.0.0.1:0", files) }

// NewAgentOn is NewAgent on a given address, for an agent that comes back.
func NewAgentOn(addr string, files mtls.Files) (*Agent, error) {
	tlsCfg, err := mtls.Server(files, nil)
	if err != nil {
		return nil, fmt.Errorf("test agent tls: %w", err)
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, fmt.Errorf("test agent listen %s: %w", addr, err)
	}
	a := &Agent{ln: ln, srv: grpc.NewServer(grpc.Creds(credentials.NewTLS(tlsCfg)))}
	loggregator_v2.RegisterIngressServer(a.srv, a)
	// Serve returns only when Stop ends it or the listener fails; a test
	// sees either as envelopes that never arrive.
	go func() { _ = a.srv.Serve(ln) }()
	return a, nil
}

// Addr is host:port of the Ingress API.
func (a *Agent) Addr() string { return a.ln.Addr().String() }

// Stop closes every connection and the listener.
func (a *Agent) Stop() { a.srv.Stop() }

// Envelopes returns what the agent has received so far, oldest first.
func (a *Agent) Envelopes() []*loggregator_v2.Envelope {
	a.mu.Lock()
	defer a.mu.Unlock()
	return slices.Clone(a.envs)
}

// Counter returns the total of the newest counter envelope from sourceID
// named name whose tags include tags, or 0 when none has arrived.
func (a *Agent) Counter(sourceID, name string, tags map[string]string) uint64 {
	a.mu.Lock()
	defer a.mu.Unlock()
	for _, e := range slices.Backward(a.envs) {
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

func (a *Agent) keep(envs []*loggregator_v2.Envelope) {
	a.mu.Lock()
	a.envs = append(a.envs, envs...)
	a.mu.Unlock()
}

// Send keeps one batch.
func (a *Agent) Send(_ context.Context, b *loggregator_v2.EnvelopeBatch) (*loggregator_v2.SendResponse, error) {
	a.keep(b.GetBatch())
	return &loggregator_v2.SendResponse{}, nil
}

// BatchSender keeps every batch of the stream.
func (a *Agent) BatchSender(s loggregator_v2.Ingress_BatchSenderServer) error {
	for {
		b, err := s.Recv()
		if errors.Is(err, io.EOF) {
			return s.SendAndClose(&loggregator_v2.BatchSenderResponse{})
		}
		if err != nil {
			return err
		}
		a.keep(b.GetBatch())
	}
}
