package topology

import (
	"context"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"time"
)

// StopTimeout is how long Stop waits after SIGTERM before killing.
const StopTimeout = 15 * time.Second

// Proc is one component of a System. Its methods are not safe for
// concurrent use.
type Proc struct {
	Job Job

	sys  *System
	cmd  *exec.Cmd
	done chan struct{}
}

// LogPath is the file that receives the component's output (appended to
// across restarts).
func (p *Proc) LogPath() string { return filepath.Join(p.sys.Work, "logs", p.Job.Name+".log") }

// ConfigPath is the component's rendered config file.
func (p *Proc) ConfigPath() string { return filepath.Join(p.sys.dir(p.Job), p.Job.Config) }

// PID is the process id of the last start, or 0.
func (p *Proc) PID() int {
	if p.cmd == nil || p.cmd.Process == nil {
		return 0
	}
	return p.cmd.Process.Pid
}

// Running reports whether the process is alive.
func (p *Proc) Running() bool {
	if p.done == nil {
		return false
	}
	select {
	case <-p.done:
		return false
	default:
		return true
	}
}

// Start runs the component from its rendered config and waits until it
// listens on WaitFor. It refuses to start when something else already
// listens there, rather than mistake a stale process for this one.
func (p *Proc) Start(ctx context.Context) error {
	if p.Running() {
		return fmt.Errorf("%s is already running", p.Job.Name)
	}
	if addr := p.Job.WaitFor; addr != "" {
		if c, err := net.DialTimeout("tcp", addr, 200*time.Millisecond); err == nil {
			c.Close()
			return fmt.Errorf("%s: something already listens on %s (another run?); stop it first", p.Job.Name, addr)
		}
	}
	if err := os.MkdirAll(filepath.Dir(p.LogPath()), 0o755); err != nil {
		return err
	}
	logFile, err := os.OpenFile(p.LogPath(), os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
	if err != nil {
		return err
	}
	cmd := exec.Command(p.Job.binary(p.sys), "--config", p.ConfigPath())
	cmd.Stdout, cmd.Stderr = logFile, logFile
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	if err := cmd.Start(); err != nil {
		logFile.Close()
		return fmt.Errorf("start %s: %w", p.Job.Name, err)
	}
	done := make(chan struct{})
	go func() { _ = cmd.Wait(); logFile.Close(); close(done) }()
	p.cmd, p.done = cmd, done
	if p.Job.WaitFor != "" {
		if err := waitListening(ctx, done, p.Job.WaitFor); err != nil {
			return fmt.Errorf("%s did not start (see %s): %w", p.Job.Name, p.LogPath(), err)
		}
	}
	p.sys.progress("started  %-28s pid %-7d log %s", p.Job.Name, cmd.Process.Pid, rel(p.sys.Repo, p.LogPath()))
	return nil
}

// Stop sends SIGTERM, so the component delivers what it holds, and waits for
// it to exit; after StopTimeout it kills it.
func (p *Proc) Stop() {
	if !p.Running() {
		return
	}
	_ = p.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-p.done:
		p.sys.progress("stopped  %s", p.Job.Name)
	case <-time.After(StopTimeout):
		p.Kill()
		p.sys.progress("killed   %s (did not stop within %v)", p.Job.Name, StopTimeout)
	}
}

// Kill ends the component at once, as a crash would.
func (p *Proc) Kill() {
	if !p.Running() {
		return
	}
	_ = syscall.Kill(-p.cmd.Process.Pid, syscall.SIGKILL)
	<-p.done
}

// Pause stops the component (SIGSTOP) without closing anything: its
// connections stay up and nothing is read, as with a wedged process.
func (p *Proc) Pause() {
	if p.Running() {
		_ = syscall.Kill(-p.cmd.Process.Pid, syscall.SIGSTOP)
	}
}

// Continue resumes a paused component (SIGCONT).
func (p *Proc) Continue() {
	if p.Running() {
		_ = syscall.Kill(-p.cmd.Process.Pid, syscall.SIGCONT)
	}
}

func rel(base, path string) string {
	if r, err := filepath.Rel(base, path); err == nil {
		return r
	}
	return path
}
