package udpforwarder

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"sync"
	"time"

	"golang.org/x/net/ipv4"

	"loggregator/internal/batch"
	"loggregator/internal/diode"
	"loggregator/internal/dropsonde"
	"loggregator/internal/metrics"
	"loggregator/internal/routerpool"
)

// kernelSampleInterval is how often the kernel's drop counters are read.
const kernelSampleInterval = time.Second

// Forwarder is one running UDP forwarder. New binds its socket and /metrics
// listener, so their addresses are known before Run.
type Forwarder struct {
	cfg *Config
	log *slog.Logger
	reg *metrics.Registry
	m   *forwarderMetrics

	conn    *net.UDPConn
	inode   string // of conn, "" when the kernel does not say
	budget  *diode.Budget
	buf     *diode.OneToOne[[]byte]
	batcher *batch.Batcher[[]byte]
	dec     dropsonde.Decoder
	arena   []byte // the reader's: the block encoded envelopes are carved from
	pool    *routerpool.Pool
	metrics *metrics.Server // nil when disabled
}

// Run is the forwarder's command.RunFunc: it builds the forwarder and runs it until ctx ends.
func Run(ctx context.Context, cfg *Config, log *slog.Logger) error {
	f, err := New(cfg, log)
	if err != nil {
		return err
	}
	return f.Run(ctx)
}

// New loads the certificates, binds the UDP socket with its receive buffer
// (warning when the kernel grants less than asked) and the metrics
// listener, and wires the pipeline.
func New(cfg *Config, log *slog.Logger) (*Forwarder, error) {
	f := &Forwarder{
		cfg: cfg,
		log: log,
		reg: metrics.NewRegistry(),
		dec: dropsonde.Decoder{Deployment: cfg.Deployment, Job: cfg.Job, Index: cfg.Index, IP: cfg.IP},
	}
	f.m = newMetrics(f.reg)
	drop := func(n int) { f.m.bufferFull.Add(float64(n)) }
	// Every encoded envelope stays charged to the budget from the diode
	// until the stream has written its batch (or the batcher dropped it).
	f.budget = diode.NewBudget(int64(cfg.UDP.BufferBytes))
	f.buf = diode.NewOneToOne[[]byte](cfg.UDP.BufferSize, drop,
		diode.WithBudget(f.budget, diode.Len, drop), diode.KeepCharged[[]byte]())
	f.batcher = batch.New[[]byte](batch.ByteCapped[[]byte]{R: f.buf, Size: diode.Len, Max: maxBatchBytes},
		cfg.Batch.Size, cfg.Batch.FlushInterval.D(), drop)
	f.batcher.SetLinger(cfg.Batch.Linger.D())
	f.batcher.SetOnRelease(func(b [][]byte) {
		n := 0
		for _, e := range b {
			n += len(e)
		}
		f.budget.Release(int64(n))
	})
	f.reg.BufferBytes(f.budget.Held, f.budget.Limit)

	pool, err := routerpool.New(cfg.Agent, routerpool.NewMetrics(f.reg, Destination), routerpool.Options{Log: log, Release: f.batcher.Release})
	if err != nil {
		return nil, fmt.Errorf("agent client: %w", err)
	}
	f.pool = pool

	addr, err := net.ResolveUDPAddr("udp", cfg.UDP.Addr)
	if err != nil {
		return nil, fmt.Errorf("udp.addr %s: %w", cfg.UDP.Addr, err)
	}
	if f.conn, err = net.ListenUDP("udp", addr); err != nil {
		return nil, fmt.Errorf("udp listen %s: %w", cfg.UDP.Addr, err)
	}
	f.checkReceiveBuffer()
	if f.inode, err = socketInode(f.conn); err != nil {
		log.Warn("cannot find the socket in /proc/net/udp; udp_socket_drops stays 0", "error", err.Error())
	}
	if f.metrics, err = cfg.Metrics.Listen(f.reg); err != nil {
		_ = f.conn.Close() // the metrics error is the one to report
		return nil, err
	}
	return f, nil
}

// checkReceiveBuffer sets the socket's receive buffer and warns, loudly and
// once, when the kernel granted less than configured: the forwarder still
// runs (losing bursts the smaller buffer cannot hold is better than losing
// everything), and the warning says what to raise.
func (f *Forwarder) checkReceiveBuffer() {
	want := f.cfg.UDP.ReceiveBufferBytes
	got, err := setReceiveBuffer(f.conn, want)
	if err != nil {
		f.log.Warn("cannot set or read the UDP receive buffer; the kernel default applies",
			"udp.receive_buffer_bytes", want, "error", err.Error())
		return
	}
	f.m.receiveBuffer.Set(float64(got))
	if got >= want {
		return
	}
	limit, err := rmemMax()
	attrs := []any{"udp.receive_buffer_bytes", want, "effective_bytes", got}
	if err == nil {
		attrs = append(attrs, "net.core.rmem_max", limit)
	}
	f.log.Warn("UDP RECEIVE BUFFER SMALLER THAN CONFIGURED: the kernel caps it at net.core.rmem_max, "+
		"so bursts the effective size cannot hold are dropped by the kernel (udp_socket_drops); "+
		"raise net.core.rmem_max (sysctl) to at least udp.receive_buffer_bytes", attrs...)
}

// UDPAddr is the address emitters send datagrams to.
func (f *Forwarder) UDPAddr() string { return f.conn.LocalAddr().String() }

// MetricsAddr is the /metrics address, or "" when disabled.
func (f *Forwarder) MetricsAddr() string { return f.metrics.Addr() }

// Run forwards until ctx ends, then stops as the package doc describes. It
// returns an error only if the socket or a side server failed.
func (f *Forwarder) Run(ctx context.Context) error {
	f.log.Info("udp forwarder running",
		"udp", f.UDPAddr(), "metrics", f.MetricsAddr(), "agent", f.cfg.Agent.Targets,
		"receive_buffer_bytes", f.cfg.UDP.ReceiveBufferBytes)

	// Downstream first: the pool, then the batcher feeding it.
	poolCtx, cutStreams := context.WithCancel(context.Background())
	defer cutStreams()
	var pipeline sync.WaitGroup
	pipeline.Go(func() { f.pool.Run(poolCtx, f.batcher.Batches()) })
	batchCtx, stopBatching := context.WithCancel(context.Background())
	defer stopBatching()
	pipeline.Go(func() { f.batcher.Run(batchCtx) })

	agent := metrics.AgentConfig{Addr: f.cfg.Agent.Targets[0].Addr, TLS: f.cfg.Agent.TLS, ServerName: f.cfg.Agent.ServerName}
	side := metrics.StartSide(f.metrics,
		func(sideCtx context.Context) error {
			return f.reg.EmitToAgent(sideCtx, agent, f.cfg.Agent.CipherSuites, f.cfg.Metrics.EmitInterval.D(), SourceID, f.log)
		},
		func(sideCtx context.Context) error { f.sampleKernel(sideCtx); return nil },
	)

	readErr := make(chan error, 1)
	readDone := make(chan struct{})
	go func() {
		defer close(readDone)
		if err := f.read(); err != nil {
			readErr <- err
		}
	}()

	var runErr error
	select {
	case <-ctx.Done():
	case <-side.Failed():
	case runErr = <-readErr:
	}
	f.log.Info("udp forwarder stopping")

	// Stop reading, then deliver what was read within the shutdown timeout.
	// Closing the socket is what ends the reader; it has nothing to flush.
	_ = f.conn.Close()
	<-readDone
	stopBatching()
	deadline := time.AfterFunc(f.cfg.ShutdownTimeout.D(), cutStreams)
	pipeline.Wait()
	deadline.Stop()

	if err := side.Stop(); err != nil && runErr == nil {
		runErr = err
	}
	return runErr
}

// readBatch is how many datagrams one recvmmsg(2) call may return; each
// slot has a buffer larger than any UDP payload (64 KiB, so the slots take
// readBatch*64 KiB of memory).
const readBatch = 64

// readPause is how long the reader leaves the socket alone after a read
// that emptied it. Without it, a reader that keeps up is woken for every
// datagram (netpoll, scheduler, one recvmmsg returning one datagram): at
// 100,000 datagrams/s that wake-up cost most of the CPU. With it, the
// kernel's receive buffer gathers what arrives meanwhile and the next call
// takes up to readBatch at once. The pause is short beside what the receive
// buffer holds: at 100,000/s, 1 ms is about 100 small datagrams, about
// 100 KiB of the kernel's accounting (its default is 208 KiB, ours 4 MiB).
// It adds at most readPause to a datagram's way through and costs one timer
// wake-up per read, which at low rates is the wake-up the datagram caused
// anyway.
const readPause = time.Millisecond

// maxBatchBytes is the most envelope bytes in one write to the agent, well
// within the 4 MiB message its ingress accepts.
const maxBatchBytes = 1 << 20

// read is the socket's only reader: Read, converting each datagram to an
// encoded v2 envelope in the diode (put). It never waits on anything but
// the socket and its own pause.
func (f *Forwarder) read() error {
	return Read(f.conn, f.put, func(n int) {
		f.m.received.Add(float64(n))
		f.m.reads.Inc()
	})
}

// Read reads conn until it is closed, calling each with every datagram (its
// bytes are valid only during the call) and done with the number of
// datagrams each system call returned. On IPv4 it takes up to readBatch
// datagrams per call (recvmmsg, through golang.org/x/net/ipv4) and, after a
// call that emptied the socket, pauses for readPause so that the next call
// finds many; on IPv6 one datagram per call. It returns nil once conn is
// closed. tools/udpread runs it alone, to measure what reading costs.
func Read(conn *net.UDPConn, each func(datagram []byte), done func(n int)) error {
	if addr, ok := conn.LocalAddr().(*net.UDPAddr); !ok || addr.IP.To4() == nil {
		return readOne(conn, each, done)
	}
	pc := ipv4.NewPacketConn(conn)
	msgs := make([]ipv4.Message, readBatch)
	for i := range msgs {
		msgs[i].Buffers = [][]byte{make([]byte, 64<<10)}
	}
	for {
		n, err := pc.ReadBatch(msgs, 0)
		if err != nil {
			if errors.Is(err, net.ErrClosed) {
				return nil
			}
			return fmt.Errorf("udp read: %w", err)
		}
		for _, m := range msgs[:n] {
			each(m.Buffers[0][:m.N])
		}
		done(n)
		if n < len(msgs) {
			time.Sleep(readPause)
		}
	}
}

// readOne is Read one datagram per system call, for IPv6 sockets.
func readOne(conn *net.UDPConn, each func(datagram []byte), done func(n int)) error {
	buf := make([]byte, 64<<10)
	for {
		n, err := conn.Read(buf)
		if err != nil {
			if errors.Is(err, net.ErrClosed) {
				return nil
			}
			return fmt.Errorf("udp read: %w", err)
		}
		each(buf[:n])
		done(1)
	}
}

// put converts one datagram to an encoded v2 envelope, carved from the
// reader's arena block (one allocation per many envelopes, never reused:
// the block is collected once every envelope in it has been written), and
// stores it in the diode. A datagram that is not a v1 envelope is counted
// and left out. The diode evicts its oldest envelopes when the budget
// (udp.buffer_bytes) has no room for the new one, and drops the new one
// only when nothing it holds could make room; both are counted as
// buffer_full.
func (f *Forwarder) put(datagram []byte) {
	if need := 4*len(datagram) + 1024; cap(f.arena)-len(f.arena) < need {
		f.arena = make([]byte, 0, max(arenaSize, need))
	}
	start := len(f.arena)
	var err error
	if f.arena, err = f.dec.DecodeAppend(f.arena, datagram); err != nil {
		f.m.invalid.Inc()
		return
	}
	f.buf.Set(f.arena[start:len(f.arena):len(f.arena)])
}

// arenaSize is the size of the blocks the reader encodes envelopes into.
const arenaSize = 256 << 10

// sampleKernel copies the kernel's drop counters into the forwarder's
// metrics every kernelSampleInterval until ctx ends.
func (f *Forwarder) sampleKernel(ctx context.Context) {
	start, startErr := rcvbufErrors()
	var lastHost, lastSocket uint64
	t := time.NewTicker(kernelSampleInterval)
	defer t.Stop()
	for {
		if startErr == nil {
			if cur, err := rcvbufErrors(); err == nil && cur-start > lastHost {
				f.m.rcvbufErrors.Add(float64(cur - start - lastHost))
				lastHost = cur - start
			}
		}
		if f.inode != "" {
			if cur, err := socketDrops(f.inode); err == nil && cur > lastSocket {
				f.m.socketDrops.Add(float64(cur - lastSocket))
				lastSocket = cur
			}
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}
