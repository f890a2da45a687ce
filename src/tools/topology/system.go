package main

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"time"

	"loggregator/internal/boshtemplate"
)

// system is the set of running components, in start order.
type system struct {
	repo, bin, work string
	certs           *certs
	log             *slog.Logger
	procs           []*proc
}

type proc struct {
	job  job
	cmd  *exec.Cmd
	done chan struct{}
}

// start renders and starts every job whose binary and job directory exist,
// in manifest order (downstream first), waiting for each to listen.
func (s *system) start(ctx context.Context, m *manifest) error {
	for _, j := range m.Jobs {
		jobDir := filepath.Join(s.repo, "jobs", j.Name)
		binPath := filepath.Join(s.bin, j.Binary)
		if !exists(jobDir) || !exists(binPath) {
			fmt.Printf("skipping %-28s (not in this release yet)\n", j.Name)
			continue
		}
		if j.WaitFor != "" {
			if c, err := net.DialTimeout("tcp", j.WaitFor, 200*time.Millisecond); err == nil {
				c.Close()
				return fmt.Errorf("%s: something already listens on %s (another run-local?); stop it first", j.Name, j.WaitFor)
			}
		}
		dir := filepath.Join(s.work, "jobs", j.Name)
		if err := s.render(j, jobDir, dir); err != nil {
			return err
		}
		logPath := filepath.Join(s.work, "logs", j.Name+".log")
		if err := os.MkdirAll(filepath.Dir(logPath), 0o755); err != nil {
			return err
		}
		logFile, err := os.Create(logPath)
		if err != nil {
			return err
		}
		cmd := exec.Command(binPath, "--config", filepath.Join(dir, j.Config))
		cmd.Stdout, cmd.Stderr = logFile, logFile
		cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
		if err := cmd.Start(); err != nil {
			logFile.Close()
			return fmt.Errorf("start %s: %w", j.Name, err)
		}
		p := &proc{job: j, cmd: cmd, done: make(chan struct{})}
		go func() { _ = cmd.Wait(); logFile.Close(); close(p.done) }()
		s.procs = append(s.procs, p)
		if err := waitListening(ctx, p, j.WaitFor); err != nil {
			return fmt.Errorf("%s did not start (see %s): %w", j.Name, logPath, err)
		}
		fmt.Printf("started  %-28s pid %-7d log %s\n", j.Name, cmd.Process.Pid, rel(s.repo, logPath))
	}
	if len(s.procs) == 0 {
		return fmt.Errorf("no component of manifests/local.yml exists yet")
	}
	return nil
}

// render renders the job and points the /var/vcap/jobs/<job>/ paths in the
// rendered files at the local directory that holds them.
func (s *system) render(j job, jobDir, out string) error {
	if err := os.RemoveAll(out); err != nil {
		return err
	}
	props, err := interpolate(j.Properties, s.certs.vars)
	if err != nil {
		return fmt.Errorf("job %s: %w", j.Name, err)
	}
	pm, _ := props.(map[string]any)
	ctx := boshtemplate.Context{Properties: pm, Links: j.Links, Spec: boshtemplate.Spec{Deployment: "local", IP: "127.0.0.1"}}
	if err := boshtemplate.Render(jobDir, ctx, out); err != nil {
		return err
	}
	prefix := "/var/vcap/jobs/" + j.Name + "/"
	return filepath.Walk(out, func(path string, info os.FileInfo, err error) error {
		if err != nil || info.IsDir() {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(path, []byte(strings.ReplaceAll(string(data), prefix, out+"/")), info.Mode())
	})
}

// stop sends SIGTERM to every component, upstream first, and waits for each
// to deliver what it holds and exit.
func (s *system) stop() {
	for i := len(s.procs) - 1; i >= 0; i-- {
		p := s.procs[i]
		_ = p.cmd.Process.Signal(syscall.SIGTERM)
		select {
		case <-p.done:
			fmt.Printf("stopped  %s\n", p.job.Name)
		case <-time.After(15 * time.Second):
			_ = syscall.Kill(-p.cmd.Process.Pid, syscall.SIGKILL)
			<-p.done
			fmt.Printf("killed   %s (did not stop within 15s)\n", p.job.Name)
		}
	}
}

func waitListening(ctx context.Context, p *proc, addr string) error {
	if addr == "" {
		return nil
	}
	deadline := time.NewTimer(20 * time.Second)
	defer deadline.Stop()
	tick := time.NewTicker(50 * time.Millisecond)
	defer tick.Stop()
	for {
		if c, err := net.DialTimeout("tcp", addr, 200*time.Millisecond); err == nil {
			c.Close()
			return nil
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-p.done:
			return fmt.Errorf("exited: %v", p.cmd.ProcessState)
		case <-deadline.C:
			return fmt.Errorf("nothing listening on %s after 20s", addr)
		case <-tick.C:
		}
	}
}

// endpoints is what tmp/local/endpoints.json holds.
type endpoints struct {
	Endpoints  map[string]string `json:"endpoints"`
	CA         string            `json:"ca_cert"`
	ClientCert string            `json:"client_cert"`
	ClientKey  string            `json:"client_key"`
	Logs       map[string]string `json:"logs"`
	PIDs       map[string]int    `json:"pids"`
}

func (s *system) writeEndpoints(m *manifest) (*endpoints, error) {
	ep := &endpoints{
		Endpoints: map[string]string{}, Logs: map[string]string{}, PIDs: map[string]int{},
		CA: s.certs.CA, ClientCert: s.certs.ClientCert, ClientKey: s.certs.ClientKey,
	}
	for _, p := range s.procs {
		for k, v := range p.job.Endpoints {
			ep.Endpoints[k] = v
		}
		ep.Logs[p.job.Name] = filepath.Join(s.work, "logs", p.job.Name+".log")
		ep.PIDs[p.job.Name] = p.cmd.Process.Pid
	}
	data, err := json.MarshalIndent(ep, "", "  ")
	if err != nil {
		return nil, err
	}
	path := filepath.Join(s.work, "endpoints.json")
	if err := os.WriteFile(path, append(data, '\n'), 0o644); err != nil {
		return nil, err
	}
	return ep, nil
}

func printEndpoints(ep *endpoints) {
	fmt.Println("\nThe system is running on loopback (also in tmp/local/endpoints.json):")
	keys := make([]string, 0, len(ep.Endpoints))
	for k := range ep.Endpoints {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Printf("  %-22s %s\n", k, ep.Endpoints[k])
	}
	fmt.Printf("  %-22s %s\n  %-22s %s\n  %-22s %s\n", "ca_cert", ep.CA, "client_cert", ep.ClientCert, "client_key", ep.ClientKey)
}

func exists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

func rel(base, path string) string {
	if r, err := filepath.Rel(base, path); err == nil {
		return r
	}
	return path
}
