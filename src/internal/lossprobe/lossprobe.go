package lossprobe

import (
	"context"
	"crypto/rand"
	"crypto/tls"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"maps"
	"os"
	"sync"
	"time"

	"code.cloudfoundry.org/go-loggregator/v10/rpc/loggregator_v2"
	"google.golang.org/grpc"

	"loggregator/internal/mtls"
)

// ErrLossOverThreshold is returned, wrapped, by Run when a gating path lost
// more than max_loss_percent.
var ErrLossOverThreshold = errors.New("loss over threshold")

// Probe makes one measurement run.
type Probe struct {
	cfg   *Config
	log   *slog.Logger
	runID string
}

// New returns a Probe for cfg, which must be valid.
func New(cfg *Config, log *slog.Logger) *Probe {
	var id [6]byte
	_, _ = rand.Read(id[:]) // crypto/rand.Read never fails on Linux
	return &Probe{cfg: cfg, log: log, runID: hex.EncodeToString(id[:])}
}

// RunID is the run_id tag of this probe's envelopes.
func (p *Probe) RunID() string { return p.runID }

// Run makes the run and returns its report. The error wraps
// ErrLossOverThreshold when the report failed the threshold; any other
// error means the run could not be made and the report is nil. When ctx ends
// early, the run stops sending and reports what it has.
func (p *Probe) Run(ctx context.Context) (*Report, error) {
	cfg := p.cfg
	ingressTLS, err := ingressTLS(cfg)
	if err != nil {
		return nil, err
	}
	egressTLS, err := mtls.Client(cfg.Egress.TLS, cfg.Egress.ServerName, nil)
	if err != nil {
		return nil, fmt.Errorf("egress.tls: %w", err)
	}

	// Readers first, so nothing sent can pass them by.
	hint := p.expected()
	readers := []*reader{newReader("rlp", NewTracker(p.runID, hint), true, p.log)}
	if cfg.Gateway.URL != "" {
		n := max(cfg.Gateway.Readers, 1)
		for i := range n {
			name := "gateway"
			if n > 1 {
				name = fmt.Sprintf("gateway-%d", i)
			}
			r := newReader(name, NewTracker(p.runID, hint), true, p.log)
			r.shard = fmt.Sprintf("lossprobe-%s-%d", p.runID, i)
			readers = append(readers, r)
		}
	}
	if cfg.Firehose.URL != "" {
		r := newReader("firehose", NewTracker(p.runID, hint), true, p.log)
		r.shard, r.v1 = "lossprobe-"+p.runID+"-firehose", true
		readers = append(readers, r)
		if cfg.Firehose.SlowReaderDelay > 0 {
			slow := newReader("firehose_slow", NewTracker(p.runID, hint), false, p.log)
			slow.shard, slow.v1 = "lossprobe-"+p.runID+"-firehose-slow", true
			slow.delay = cfg.Firehose.SlowReaderDelay.D()
			readers = append(readers, slow)
		}
	}
	if cfg.SlowConsumerDelay > 0 {
		slow := newReader("slow_consumer", NewTracker(p.runID, hint), false, p.log)
		slow.delay = cfg.SlowConsumerDelay.D()
		readers = append(readers, slow)
	}
	// The readers outlive ctx: a run stopped early (SIGTERM) stops sending
	// but still waits, up to DrainTimeout, for what was sent, so that what
	// was on its way is not reported lost.
	readCtx, stopReading := context.WithCancel(context.WithoutCancel(ctx))
	defer stopReading()
	var readWG sync.WaitGroup
	readErrs := make([]error, len(readers))
	for i, r := range readers {
		readWG.Go(func() {
			switch {
			case r.v1:
				readErrs[i] = r.readFirehose(readCtx, cfg)
			case r.shard != "":
				readErrs[i] = r.readGateway(readCtx, cfg)
			default:
				readErrs[i] = r.readEgress(readCtx, cfg, egressTLS)
			}
		})
	}
	defer readWG.Wait()

	var set emitterSet
	if cfg.EmitterProcess {
		set, err = p.newChildEmitters(ctx, ingressTLS)
	} else {
		set, err = p.newLocalEmitters(ingressTLS)
	}
	if err != nil {
		return nil, err
	}
	defer set.close()

	if !p.warmUp(ctx, set.warmUpClient(), readers) {
		p.log.Warn("no warm-up envelope came back; measuring anyway", "timeout", cfg.WarmupTimeout.D().String())
	}

	before := p.sampleCPU(set.pid())
	start := time.Now()
	var deadline time.Time
	if cfg.Duration > 0 {
		deadline = start.Add(cfg.Duration.D())
	}
	outcomes, err := set.send(ctx, deadline)
	if err != nil {
		return nil, err
	}
	sendEnd := time.Now()

	var sent, failed uint64
	var sendTimes []time.Duration
	used := make([]uint64, len(outcomes))
	failedSeqs := make([][]seqRange, len(outcomes))
	for i, m := range outcomes {
		sent += m.Sent
		failed += m.Failed
		used[i], failedSeqs[i] = m.Seq, m.FailedSeqs
		sendTimes = append(sendTimes, m.SendTimes...)
		if !m.First.IsZero() && m.First.Before(start) {
			start = m.First
		}
	}
	p.drain(readCtx, readers, sent)
	after := p.sampleCPU(set.pid())
	cpuWindow := time.Since(start)
	stopReading()
	readWG.Wait()
	for i, err := range readErrs {
		if err != nil {
			return nil, fmt.Errorf("%s reader: %w", readers[i].name, err)
		}
	}

	r := &Report{
		RunID: p.runID, Rate: cfg.Rate, Emitters: cfg.Emitters,
		SendSecs: sendEnd.Sub(start).Seconds(), Sent: sent, SendFailed: failed,
		Paths: map[string]PathReport{}, MaxLossPercent: cfg.MaxLossPercent, Passed: true,
	}
	if len(p.cfg.PIDs) > 0 {
		r.CPUWindowSecs = cpuWindow.Seconds()
	}
	if r.SendSecs > 0 {
		r.OfferedPS = float64(sent) / r.SendSecs
	}
	sp := Percentiles(sendTimes, 50, 99, 100)
	r.SendUsP50, r.SendUsP99, r.SendUsMax = us(sp[0]), us(sp[1]), us(sp[2])
	for _, rd := range readers {
		pr := rd.tracker.Report(sent, start)
		if pr.Lost > 0 {
			pr.Missing = rd.tracker.missing(used, failedSeqs)
		}
		r.Paths[rd.name] = pr
		if rd.gating && (pr.LossPercent > cfg.MaxLossPercent || sent == 0) {
			r.Passed = false
		}
	}
	r.PathReport = r.Paths["rlp"]
	r.Processes = p.processes(set.pid(), before, after, r.Received)
	if !r.Passed {
		return r, fmt.Errorf("%w: %s, threshold %.4f %%", ErrLossOverThreshold, r.lossSummary(), cfg.MaxLossPercent)
	}
	return r, nil
}

func ingressTLS(cfg *Config) (*tls.Config, error) {
	c, err := mtls.Client(cfg.Ingress.TLS, cfg.Ingress.ServerName, nil)
	if err != nil {
		return nil, fmt.Errorf("ingress.tls: %w", err)
	}
	return c, nil
}

func (p *Probe) newEmitter(id int, conn *grpc.ClientConn) *emitter {
	cfg := p.cfg
	m := &emitter{id: id, cfg: cfg, runID: p.runID, client: loggregator_v2.NewIngressClient(conn), log: p.log}
	n := cfg.Emitters
	if cfg.Rate > 0 {
		m.rate = cfg.Rate / n
		if id < cfg.Rate%n {
			m.rate++
		}
	}
	if cfg.Count > 0 {
		m.quota = cfg.Count / n
		if id < cfg.Count%n {
			m.quota++
		}
		if m.quota == 0 {
			m.quota = -1 // nothing to send; run returns at once
		}
	}
	return m
}

// expected estimates how many envelopes a run sends, to size latency
// records; a flat-out run without a count guesses 200,000/s.
func (p *Probe) expected() int {
	cfg := p.cfg
	n := cfg.Count
	if secs := cfg.Duration.D().Seconds(); n == 0 || secs > 0 {
		rate := cfg.Rate
		if rate == 0 {
			rate = 200_000
		}
		if byTime := int(secs * float64(rate)); n == 0 || byTime < n {
			n = byTime
		}
	}
	return min(n, 8_000_000)
}

// warmUp sends warm-up envelopes every 100 ms until every reader has seen
// one, and reports whether they all did within the warm-up timeout.
func (p *Probe) warmUp(ctx context.Context, client loggregator_v2.IngressClient, readers []*reader) bool {
	timeout := time.NewTimer(p.cfg.WarmupTimeout.D())
	defer timeout.Stop()
	tick := time.NewTicker(100 * time.Millisecond)
	defer tick.Stop()
	for _, r := range readers {
		for {
			if err := warmup(ctx, client, p.cfg, p.runID); err != nil {
				p.log.Debug("warm-up send", "error", err.Error())
			}
			select {
			case <-r.ready:
			case <-tick.C:
				continue
			case <-timeout.C:
				return false
			case <-ctx.Done():
				return false
			}
			break
		}
	}
	return true
}

// drain waits until every gating reader has all sent envelopes, or the
// drain timeout passes, or ctx ends.
func (p *Probe) drain(ctx context.Context, readers []*reader, sent uint64) {
	if sent == 0 {
		return
	}
	for _, r := range readers {
		r.finish(sent)
	}
	timeout := time.NewTimer(p.cfg.DrainTimeout.D())
	defer timeout.Stop()
	for _, r := range readers {
		if !r.gating {
			continue
		}
		select {
		case <-r.done:
		case <-timeout.C:
			return
		case <-ctx.Done():
			return
		}
	}
}

// measured are the processes whose cost is reported: the configured PIDs
// and, when there are any, the probe itself ("lossprobe") and its emitter
// process ("lossprobe_emitters", when emitterPID is not 0), whose emitters
// and readers share the machine with them.
func (p *Probe) measured(emitterPID int) map[string]int {
	if len(p.cfg.PIDs) == 0 {
		return nil
	}
	out := map[string]int{"lossprobe": os.Getpid()}
	if emitterPID != 0 {
		out["lossprobe_emitters"] = emitterPID
	}
	maps.Copy(out, p.cfg.PIDs)
	return out
}

func (p *Probe) sampleCPU(emitterPID int) map[string]cpuSample {
	out := make(map[string]cpuSample, len(p.cfg.PIDs)+2)
	for name, pid := range p.measured(emitterPID) {
		secs, err := CPUSeconds(pid)
		out[name] = cpuSample{secs: secs, err: err}
	}
	return out
}

type cpuSample struct {
	secs float64
	err  error
}

func (p *Probe) processes(emitterPID int, before, after map[string]cpuSample, delivered uint64) map[string]ProcessReport {
	pids := p.measured(emitterPID)
	if len(pids) == 0 {
		return nil
	}
	out := make(map[string]ProcessReport, len(pids))
	for name, pid := range pids {
		pr := ProcessReport{PID: pid}
		b, a := before[name], after[name]
		rss, err := peakRSSKB(pid)
		switch {
		case b.err != nil:
			pr.Error = b.err.Error()
		case a.err != nil:
			pr.Error = a.err.Error()
		case err != nil:
			pr.Error = err.Error()
		default:
			pr.CPUSeconds = a.secs - b.secs
			pr.PeakRSSKB = rss
			if delivered > 0 {
				pr.CPUUsPerEnvelope = pr.CPUSeconds * 1e6 / float64(delivered)
			}
		}
		out[name] = pr
	}
	return out
}
