package udpforwarder

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"sync"
	"sync/atomic"
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
	buf     *diode.OneToOne[datagram]
	batcher *batch.Batcher[datagram]
	// putBytes is the byte offset past the last datagram the reader put in
	// the diode (reader only); doneBytes the offset past the last one the
	// converter has finished with. Entries leave the diode in order (read or
	// overwritten), so putBytes-doneBytes bounds the bytes held between them.
	putBytes  uint64
	doneBytes atomic.Uint64
	dec       dropsonde.Decoder
	pool      *routerpool.Pool
	metrics   *metrics.Server // nil when disabled
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
	f.buf = diode.NewOneToOne[datagram](cfg.UDP.BufferSize, drop)
	f.batcher = batch.New[datagram](f.buf, cfg.Batch.Size, cfg.Batch.FlushInterval.D(), drop)
	f.batcher.SetLinger(cfg.Batch.Linger.D())

	pool, err := routerpool.New(cfg.Agent, routerpool.NewMetrics(f.reg, Destination), routerpool.Options{Log: log})
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

	// Downstream first: the pool, the converter feeding it, the batcher.
	poolCtx, cutStreams := context.WithCancel(context.Background())
	defer cutStreams()
	encoded := make(chan [][]byte)
	var pipeline sync.WaitGroup
	pipeline.Go(func() { f.pool.Run(poolCtx, encoded) })
	pipeline.Go(func() { f.convert(f.batcher.Batches(), encoded) })
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
// slot has a buffer larger than any UDP payload.
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

// read is the socket's only reader. It never waits on anything but the
// socket and its own pause: each datagram is copied into a slab and put in
// the drop-oldest diode. On IPv4 it reads up to readBatch datagrams per
// system call (recvmmsg, through golang.org/x/net/ipv4) and, after a call
// that emptied the socket, pauses for readPause so that the next call finds
// many. It returns nil once the socket is closed.
func (f *Forwarder) read() error {
	var s slab
	if addr, ok := f.conn.LocalAddr().(*net.UDPAddr); !ok || addr.IP.To4() == nil {
		return f.readOne(&s)
	}
	pc := ipv4.NewPacketConn(f.conn)
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
			f.put(&s, m.Buffers[0][:m.N])
		}
		f.m.received.Add(float64(n))
		f.m.reads.Inc()
		if n < len(msgs) {
			time.Sleep(readPause)
		}
	}
}

// readOne is read one datagram per system call, for IPv6 sockets.
func (f *Forwarder) readOne(s *slab) error {
	buf := make([]byte, 64<<10)
	for {
		n, err := f.conn.Read(buf)
		if err != nil {
			if errors.Is(err, net.ErrClosed) {
				return nil
			}
			return fmt.Errorf("udp read: %w", err)
		}
		f.m.received.Inc()
		f.m.reads.Inc()
		f.put(s, buf[:n])
	}
}

// put copies p into the diode unless that would hold more than
// udp.buffer_bytes between the reader and the converter; then it drops p,
// the newest, and counts it as buffer_full. (With datagrams of ordinary
// size the diode's slot count is reached first and it drops the oldest.)
func (f *Forwarder) put(s *slab, p []byte) {
	n := uint64(len(p))
	if f.putBytes+n-f.doneBytes.Load() > uint64(f.cfg.UDP.BufferBytes) {
		f.m.bufferFull.Inc()
		return
	}
	kept := s.keep(p, f.putBytes, f.doneBytes.Load())
	f.putBytes += n
	f.buf.Set(datagram{b: kept, end: f.putBytes})
}

// datagram is one datagram as the diode holds it: its bytes, and the byte
// offset just past it in the reader's sequence.
type datagram struct {
	b   []byte
	end uint64
}

// convert turns each batch of datagrams into a batch of encoded v2
// envelopes and hands it to the pool; datagrams that are not v1
// envelopes are counted and left out. The envelopes are encoded into a slab
// (dropsonde.Decoder.DecodeAppend), one allocation per many envelopes. It
// closes out when in is closed. It waits on out while the agent takes
// nothing; the batcher then drops the oldest batches it holds and counts them.
func (f *Forwarder) convert(in <-chan []datagram, out chan<- [][]byte) {
	defer close(out)
	var arena []byte
	for b := range in {
		kept := make([][]byte, 0, len(b))
		for _, d := range b {
			if cap(arena)-len(arena) < 4*len(d.b)+1024 {
				arena = make([]byte, 0, slabSize)
			}
			start := len(arena)
			var err error
			if arena, err = f.dec.DecodeAppend(arena, d.b); err != nil {
				f.m.invalid.Inc()
				continue
			}
			kept = append(kept, arena[start:len(arena):len(arena)])
		}
		if len(b) > 0 {
			f.doneBytes.Store(b[len(b)-1].end)
		}
		f.batcher.Release(b)
		if len(kept) > 0 {
			out <- kept
		}
	}
}

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

// slabSize is the size of the blocks datagrams are copied into: one
// allocation per many datagrams instead of one each.
const slabSize = 256 << 10

// keepBlocks is the most blocks a slab keeps for reuse.
const keepBlocks = 8

// slab hands out copies of datagrams carved from shared blocks, and reuses
// a block once the converter has finished with every datagram in it, so a
// forwarder that keeps up allocates nothing per datagram. Used by the
// reader only.
//
// Offsets are the reader's running byte count (Forwarder.putBytes): a full
// block is retired with the offset just past its last datagram, and the
// oldest retired block is taken again once the converter's offset
// (doneBytes) has reached that. Datagrams leave the diode in order, so
// nothing in such a block is read again. At most keepBlocks wait for
// reuse; a block retired beyond that (a burst the converter is behind on)
// is left to the garbage collector.
type slab struct {
	block   []byte
	retired []retiredBlock // oldest first
}

type retiredBlock struct {
	b   []byte
	end uint64
}

// keep copies p into the current block. before is the offset just past the
// datagrams kept so far, done the converter's offset.
func (s *slab) keep(p []byte, before, done uint64) []byte {
	if len(p) > cap(s.block)-len(s.block) {
		s.next(len(p), before, done)
	}
	start := len(s.block)
	s.block = append(s.block, p...)
	return s.block[start:len(s.block):len(s.block)]
}

// next retires the current block and starts one with room for n bytes.
func (s *slab) next(n int, before, done uint64) {
	if s.block != nil && len(s.retired) < keepBlocks {
		s.retired = append(s.retired, retiredBlock{b: s.block, end: before})
	}
	s.block = nil
	if len(s.retired) > 0 && s.retired[0].end <= done && cap(s.retired[0].b) >= n {
		s.block = s.retired[0].b[:0]
		s.retired = append(s.retired[:0], s.retired[1:]...)
		return
	}
	s.block = make([]byte, 0, max(slabSize, n))
}
