package agent

import (
	"context"
	"crypto/tls"
	"fmt"
	"log/slog"
	"time"

	"code.cloudfoundry.org/go-loggregator/v10/rpc/loggregator_v2"
	"google.golang.org/grpc"
	"google.golang.org/grpc/connectivity"
	"google.golang.org/grpc/keepalive"

	"loggregator/internal/resolve"
	"loggregator/internal/wire"
)

// ingressWriter writes batches to one local v2 Ingress server over one
// BatchSender stream: a destination's fanout.Writer. It is used by its
// lane's goroutine only. A broken stream is re-dialled; a batch that breaks
// the new stream too is given up on (the destination takes streams but not
// this batch). A destination that cannot be reached keeps the batch in
// Write, which dials again after a growing backoff (capped) until the
// destination answers or the lane stops: a destination restarting loses
// nothing its lane had, and one that stays down costs its lane's ring its
// oldest envelopes, counted, while the batch waits (destination_held_envelopes).
type ingressWriter struct {
	addr    string
	tls     *tls.Config
	codec   *wire.Codec
	timeout time.Duration
	backoff *resolve.Backoff
	m       *destinationMetrics
	log     *slog.Logger
	failing bool // the last attempt to reach the destination failed; logged once until one succeeds, and a batch is held

	conn   *grpc.ClientConn
	bs     loggregator_v2.Ingress_BatchSenderClient
	cancel context.CancelFunc
	msg    wire.Batch
}

// Write sends batch, re-dialling a broken stream once and an unreachable
// destination until ctx ends.
func (w *ingressWriter) Write(ctx context.Context, batch [][]byte) error {
	var err error
	for range 2 {
		if w.bs == nil {
			if err = w.reach(ctx, len(batch)); err != nil {
				return err
			}
		}
		// A destination that stops reading holds SendMsg; ending the
		// stream when the lane's write context ends frees it.
		unhook := context.AfterFunc(ctx, w.cancel)
		w.msg.Envelopes = batch
		err = w.bs.SendMsg(&w.msg)
		w.msg.Envelopes = nil
		unhook()
		if err == nil {
			return nil
		}
		w.abort()
	}
	return fmt.Errorf("destination %s: %w", w.addr, err)
}

// reach dials until the destination answers or ctx ends, holding a batch
// of n envelopes meanwhile.
func (w *ingressWriter) reach(ctx context.Context, n int) error {
	for {
		err := w.dial(ctx)
		if err == nil {
			break
		}
		w.m.connectFailures.Inc()
		if !w.failing {
			w.log.Warn("forwarder destination unreachable; holding a batch for it while its buffer drops its oldest", "addr", w.addr, "error", err.Error())
			w.failing = true
		}
		w.m.held.Set(float64(n))
		if !w.backoff.Wait(ctx) {
			w.m.held.Set(0)
			return err
		}
	}
	if w.failing {
		w.log.Info("forwarder destination reachable again", "addr", w.addr)
		w.failing = false
		w.m.held.Set(0)
	}
	w.backoff.Reset()
	w.m.connections.Inc()
	return nil
}

func (w *ingressWriter) dial(ctx context.Context) error {
	conn, err := grpc.NewClient("passthrough:///"+w.addr, append(wire.DialOptions(),
		grpc.WithTransportCredentials(wire.Credentials(w.tls)),
		grpc.WithKeepaliveParams(keepalive.ClientParameters{Time: 15 * time.Second, Timeout: 10 * time.Second, PermitWithoutStream: true}))...)
	if err != nil {
		return fmt.Errorf("destination %s: %w", w.addr, err)
	}
	dctx, cancel := context.WithTimeout(ctx, w.timeout)
	defer cancel()
	conn.Connect()
	for st := conn.GetState(); st != connectivity.Ready; st = conn.GetState() {
		if st == connectivity.TransientFailure || st == connectivity.Shutdown || !conn.WaitForStateChange(dctx, st) {
			conn.Close()
			return fmt.Errorf("destination %s: connection failed", w.addr)
		}
	}
	// The stream outlives this call; Write's AfterFunc and close end it,
	// bounded by the lane's shutdown timeout, so a batch cut off by a stop
	// is counted as shutdown, not as unavailable.
	sctx, scancel := context.WithCancel(context.Background())
	bs, err := loggregator_v2.NewIngressClient(conn).BatchSender(sctx, grpc.ForceCodecV2(w.codec))
	if err != nil {
		scancel()
		conn.Close()
		return fmt.Errorf("destination %s: open stream: %w", w.addr, err)
	}
	w.conn, w.bs, w.cancel = conn, bs, scancel
	return nil
}

// close ends the stream gracefully: it half-closes it and waits, at most
// the dial timeout, for the destination to confirm it has read everything.
func (w *ingressWriter) close() {
	if w.bs == nil {
		return
	}
	t := time.AfterFunc(w.timeout, w.cancel)
	// An error means the destination went or stopped reading; what it
	// missed was counted as sent when the stream took it.
	_, _ = w.bs.CloseAndRecv()
	t.Stop()
	w.abort()
}

func (w *ingressWriter) abort() {
	if w.bs == nil {
		return
	}
	w.cancel()
	w.conn.Close()
	w.conn, w.bs, w.cancel = nil, nil, nil
}
