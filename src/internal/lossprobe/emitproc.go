package lossprobe

import (
	"bufio"
	"context"
	"crypto/tls"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/exec"
	"sync"
	"syscall"
	"time"

	"code.cloudfoundry.org/go-loggregator/v10/rpc/loggregator_v2"
	"google.golang.org/grpc"
)

// EmitFlag, as the lossprobe command's only argument, makes it an emitter
// process: the child a probe with emitter_process starts. It is not for
// people to run.
const EmitFlag = "--emit"

// emitted is one emitter's outcome, read by Run once it has stopped, and
// what an emitter process reports for each of its emitters.
type emitted struct {
	Sent       uint64          `json:"sent"`
	Failed     uint64          `json:"failed"`
	Seq        uint64          `json:"seq"` // sequence numbers 0 to Seq-1 were used
	FailedSeqs []seqRange      `json:"failed_seqs,omitempty"`
	First      time.Time       `json:"first"`
	SendTimes  []time.Duration `json:"send_times"` // one per Send call
}

func (m *emitter) outcome() emitted {
	return emitted{Sent: m.sent, Failed: m.failed, Seq: m.seq, FailedSeqs: m.failedSeqs, First: m.first, SendTimes: m.sendTimes}
}

// emitterSet is where a run's emitters send from: goroutines of the probe,
// or an emitter process.
type emitterSet interface {
	// warmUpClient is the ingress client the warm-up envelopes go through.
	warmUpClient() loggregator_v2.IngressClient
	// send runs every emitter until ctx ends, the count is sent or the
	// deadline (zero: none) passes, and returns their outcomes.
	send(ctx context.Context, deadline time.Time) ([]emitted, error)
	// pid is the process the emitters run in, 0 when it is the probe.
	pid() int
	close()
}

// localEmitters are the emitters as goroutines of the probe.
type localEmitters struct {
	emitters []*emitter
	conns    []*grpc.ClientConn
}

func (p *Probe) newLocalEmitters(tlsCfg *tls.Config) (*localEmitters, error) {
	l := &localEmitters{}
	for i := range p.cfg.Emitters {
		conn, err := dialIngress(p.cfg, tlsCfg)
		if err != nil {
			l.close()
			return nil, err
		}
		l.conns = append(l.conns, conn)
		l.emitters = append(l.emitters, p.newEmitter(i, conn))
	}
	return l, nil
}

func (l *localEmitters) warmUpClient() loggregator_v2.IngressClient { return l.emitters[0].client }

func (l *localEmitters) send(ctx context.Context, deadline time.Time) ([]emitted, error) {
	var wg sync.WaitGroup
	for _, m := range l.emitters {
		wg.Go(func() { m.run(ctx, deadline) })
	}
	wg.Wait()
	out := make([]emitted, len(l.emitters))
	for i, m := range l.emitters {
		out[i] = m.outcome()
	}
	return out, nil
}

func (l *localEmitters) pid() int { return 0 }

func (l *localEmitters) close() {
	for _, c := range l.conns {
		_ = c.Close()
	}
}

// emitJob is the first line an emitter process reads: what to send.
type emitJob struct {
	RunID  string  `json:"run_id"`
	Config *Config `json:"config"`
}

// emitStart is the second line: send now, until the deadline (zero: none).
type emitStart struct {
	Deadline time.Time `json:"deadline"`
}

// childEmitters are the emitters in an emitter process: the same binary
// started with EmitFlag, which reads the job and the start on stdin, writes
// its emitters' outcomes as one JSON line on stdout, and exits when its
// stdin closes, so its CPU time can still be read after the drain. Its logs
// go to the probe's stderr. The probe keeps one connection of its own for
// the warm-up envelopes.
type childEmitters struct {
	cmd  *exec.Cmd
	in   io.WriteCloser
	out  *bufio.Reader
	conn *grpc.ClientConn
	warm loggregator_v2.IngressClient
}

func (p *Probe) newChildEmitters(ctx context.Context, tlsCfg *tls.Config) (*childEmitters, error) {
	exe, err := os.Executable()
	if err != nil {
		return nil, fmt.Errorf("emitter process: %w", err)
	}
	conn, err := dialIngress(p.cfg, tlsCfg)
	if err != nil {
		return nil, err
	}
	cmd := exec.CommandContext(ctx, exe, EmitFlag)
	// When ctx ends the emitters stop and still report what they sent.
	cmd.Cancel = func() error { return cmd.Process.Signal(syscall.SIGTERM) }
	cmd.WaitDelay = 10 * time.Second
	cmd.Stderr = os.Stderr
	in, err := cmd.StdinPipe()
	if err != nil {
		_ = conn.Close()
		return nil, err
	}
	out, err := cmd.StdoutPipe()
	if err != nil {
		_ = conn.Close()
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		_ = conn.Close()
		return nil, fmt.Errorf("start emitter process %s: %w", exe, err)
	}
	c := &childEmitters{cmd: cmd, in: in, out: bufio.NewReader(out), conn: conn, warm: loggregator_v2.NewIngressClient(conn)}
	if err := json.NewEncoder(in).Encode(emitJob{RunID: p.runID, Config: p.cfg}); err != nil {
		c.close()
		return nil, fmt.Errorf("emitter process: %w", err)
	}
	return c, nil
}

func (c *childEmitters) warmUpClient() loggregator_v2.IngressClient { return c.warm }

func (c *childEmitters) send(_ context.Context, deadline time.Time) ([]emitted, error) {
	if err := json.NewEncoder(c.in).Encode(emitStart{Deadline: deadline}); err != nil {
		return nil, fmt.Errorf("emitter process: %w", err)
	}
	line, err := c.out.ReadBytes('\n')
	if err != nil {
		return nil, fmt.Errorf("emitter process ended without its report (its log is above): %w", err)
	}
	var out []emitted
	if err := json.Unmarshal(line, &out); err != nil {
		return nil, fmt.Errorf("emitter process report: %w", err)
	}
	return out, nil
}

func (c *childEmitters) pid() int { return c.cmd.Process.Pid }

func (c *childEmitters) close() {
	_ = c.in.Close()
	_ = c.cmd.Wait()
	_ = c.conn.Close()
}

// runEmitterProcess is the emitter process: see childEmitters.
func runEmitterProcess(ctx context.Context, stdin io.Reader, stdout io.Writer, log *slog.Logger) error {
	in := bufio.NewReader(stdin)
	var job emitJob
	if err := readLine(in, &job); err != nil {
		return fmt.Errorf("read job: %w", err)
	}
	if job.Config == nil {
		return errors.New("read job: no config")
	}
	if err := job.Config.Validate(); err != nil {
		return fmt.Errorf("job config: %w", err)
	}
	tlsCfg, err := ingressTLS(job.Config)
	if err != nil {
		return err
	}
	p := &Probe{cfg: job.Config, log: log, runID: job.RunID}
	set, err := p.newLocalEmitters(tlsCfg)
	if err != nil {
		return err
	}
	defer set.close()
	var start emitStart
	if err := readLine(in, &start); err != nil {
		return fmt.Errorf("read start: %w", err)
	}
	// The probe closes stdin once it has read this process's CPU time;
	// stdin ending earlier means the probe is gone, and the sending stops.
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	probeGone := make(chan struct{})
	go func() {
		_, _ = io.Copy(io.Discard, in)
		cancel()
		close(probeGone)
	}()
	log.Info("sending", "run_id", job.RunID, "emitters", job.Config.Emitters, "deadline", start.Deadline)
	out, _ := set.send(ctx, start.Deadline)
	if err := json.NewEncoder(stdout).Encode(out); err != nil {
		return err
	}
	<-probeGone
	return nil
}

func readLine(r *bufio.Reader, v any) error {
	line, err := r.ReadBytes('\n')
	if err != nil {
		return err
	}
	return json.Unmarshal(line, v)
}
