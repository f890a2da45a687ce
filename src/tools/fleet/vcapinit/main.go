// Command vcapinit is the init of a fleet container: it does for the jobs
// rendered into /var/vcap/jobs what monit and bpm do on a BOSH VM.
//
// At start it runs every process each enabled job's config/bpm.yml names
// (a job whose rendered monit file checks no process is disabled), writes
// its pid to /var/vcap/sys/run/bpm/<job>/<process>.pid, where the drain
// scripts read it, and copies its output to
// /var/vcap/sys/log/<job>/<process>.log and, line by line with a
// "<job>/<process>" prefix, to its own stdout, so `docker logs` tails the
// whole VM. A process that exits is not restarted (as after BOSH unmonitors
// a job to drain it); SIGHUP starts every process that is not running, as
// `monit start all` does. On SIGTERM or SIGINT it runs every job's bin/drain
// (job_shutdown hash_unchanged), as the BOSH agent does before it stops a
// VM's jobs, then sends SIGTERM to what is still running, waits up to
// stopTimeout, kills the rest and exits.
//
// Docker runs it under its own init (docker run --init), which reaps the
// orphans of the drain scripts.
package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"go.yaml.in/yaml/v3"
)

const (
	jobsDir     = "/var/vcap/jobs"
	stopTimeout = 30 * time.Second
)

type process struct {
	job, name  string
	executable string
	args       []string
	env        map[string]string

	mu   sync.Mutex
	cmd  *exec.Cmd     // guarded by mu
	done chan struct{} // guarded by mu; closed when cmd has exited
}

var stdoutMu sync.Mutex

func main() {
	procs, err := load()
	if err != nil {
		fmt.Fprintf(os.Stderr, "vcapinit: %v\n", err)
		os.Exit(1)
	}
	signals := make(chan os.Signal, 4)
	signal.Notify(signals, syscall.SIGTERM, syscall.SIGINT, syscall.SIGHUP)
	startAll(procs)
	for sig := range signals {
		if sig == syscall.SIGHUP {
			say("vcapinit: SIGHUP: starting every job that is not running")
			startAll(procs)
			continue
		}
		say("vcapinit: %v: draining and stopping every job", sig)
		drainAll(procs)
		stopAll(procs)
		say("vcapinit: stopped")
		return
	}
}

// load reads every enabled job's bpm.yml.
func load() ([]*process, error) {
	jobs, err := os.ReadDir(jobsDir)
	if err != nil {
		return nil, err
	}
	var procs []*process
	for _, j := range jobs {
		monit, err := os.ReadFile(filepath.Join(jobsDir, j.Name(), "monit"))
		if err != nil || !strings.Contains(string(monit), "check process") {
			continue
		}
		data, err := os.ReadFile(filepath.Join(jobsDir, j.Name(), "config", "bpm.yml"))
		if err != nil {
			continue
		}
		var bpm struct {
			Processes []struct {
				Name       string            `yaml:"name"`
				Executable string            `yaml:"executable"`
				Args       []string          `yaml:"args"`
				Env        map[string]string `yaml:"env"`
			} `yaml:"processes"`
		}
		if err := yaml.Unmarshal(data, &bpm); err != nil {
			return nil, fmt.Errorf("job %s: bpm.yml: %w", j.Name(), err)
		}
		for _, p := range bpm.Processes {
			procs = append(procs, &process{job: j.Name(), name: p.Name, executable: p.Executable, args: p.Args, env: p.Env})
		}
	}
	return procs, nil
}

func startAll(procs []*process) {
	for _, p := range procs {
		if err := p.start(); err != nil {
			say("vcapinit: start %s/%s: %v", p.job, p.name, err)
		}
	}
}

func (p *process) running() bool {
	p.mu.Lock()
	defer p.mu.Unlock()
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

func (p *process) start() error {
	if p.running() {
		return nil
	}
	logDir := filepath.Join("/var/vcap/sys/log", p.job)
	runDir := filepath.Join("/var/vcap/sys/run/bpm", p.job)
	for _, d := range []string{logDir, runDir, filepath.Join("/var/vcap/data", p.job)} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			return err
		}
	}
	logFile, err := os.OpenFile(filepath.Join(logDir, p.name+".log"), os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
	if err != nil {
		return err
	}
	pr, pw, err := os.Pipe()
	if err != nil {
		logFile.Close()
		return err
	}
	cmd := exec.Command(p.executable, p.args...)
	cmd.Stdout, cmd.Stderr = pw, pw
	cmd.Env = os.Environ()
	for k, v := range p.env {
		cmd.Env = append(cmd.Env, k+"="+v)
	}
	if err := cmd.Start(); err != nil {
		pr.Close()
		pw.Close()
		logFile.Close()
		return err
	}
	pw.Close()
	copied := make(chan struct{})
	go func() { copyLines(pr, logFile, p.job+"/"+p.name); close(copied) }()
	done := make(chan struct{})
	go func() {
		err := cmd.Wait()
		<-copied
		logFile.Close()
		say("vcapinit: %s/%s exited: %v", p.job, p.name, err)
		close(done)
	}()
	pidFile := filepath.Join(runDir, p.name+".pid")
	if err := os.WriteFile(pidFile, []byte(strconv.Itoa(cmd.Process.Pid)), 0o644); err != nil {
		say("vcapinit: write %s: %v", pidFile, err)
	}
	p.mu.Lock()
	p.cmd, p.done = cmd, done
	p.mu.Unlock()
	say("vcapinit: started %s/%s pid %d", p.job, p.name, cmd.Process.Pid)
	return nil
}

// copyLines copies r to file and, prefixed, to stdout until r ends.
func copyLines(r io.ReadCloser, file io.Writer, prefix string) {
	defer func() { _ = r.Close() }() // the read end of a pipe
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		fmt.Fprintln(file, line)
		say("%s: %s", prefix, line)
	}
}

// drainAll runs every job's drain script at once and waits for them all.
func drainAll(procs []*process) {
	jobs := map[string]bool{}
	for _, p := range procs {
		jobs[p.job] = true
	}
	var wg sync.WaitGroup
	for job := range jobs {
		drain := filepath.Join(jobsDir, job, "bin", "drain")
		if _, err := os.Stat(drain); err != nil {
			continue
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			out, err := exec.Command(drain, "job_shutdown", "hash_unchanged").CombinedOutput()
			say("vcapinit: drain %s: %s %v", job, strings.TrimSpace(string(out)), errText(err))
		}()
	}
	wg.Wait()
}

func stopAll(procs []*process) {
	var waits []chan struct{}
	for _, p := range procs {
		p.mu.Lock()
		cmd, done := p.cmd, p.done
		p.mu.Unlock()
		if cmd == nil || !p.running() {
			continue
		}
		_ = cmd.Process.Signal(syscall.SIGTERM)
		waits = append(waits, done)
	}
	deadline := time.After(stopTimeout)
	for i, done := range waits {
		select {
		case <-done:
		case <-deadline:
			for _, p := range procs[i:] {
				p.mu.Lock()
				if p.cmd != nil {
					_ = p.cmd.Process.Kill()
				}
				p.mu.Unlock()
			}
			return
		}
	}
}

func errText(err error) string {
	if err == nil {
		return ""
	}
	return "(" + err.Error() + ")"
}

func say(format string, args ...any) {
	stdoutMu.Lock()
	defer stdoutMu.Unlock()
	fmt.Fprintf(os.Stdout, format+"\n", args...)
}
