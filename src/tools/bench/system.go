package main

import (
	"context"
	"encoding/json"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"go.yaml.in/yaml/v3"

	"loggregator/internal/boshtemplate"
	"loggregator/internal/certgen"
)

// manifest is the part of manifests/local.yml the bench reads: the same
// jobs, properties and links scripts/run-local runs.
type manifest struct {
	Certificates map[string]string `yaml:"certificates"`
	Jobs         []job             `yaml:"jobs"`
}

type job struct {
	Name       string                       `yaml:"name"`
	Binary     string                       `yaml:"binary"`
	Config     string                       `yaml:"config"`
	WaitFor    string                       `yaml:"wait_for"`
	Endpoints  map[string]string            `yaml:"endpoints"`
	Properties map[string]any               `yaml:"properties"`
	Links      map[string]boshtemplate.Link `yaml:"links"`
	// Template is the job directory to render when it differs from Name
	// (an extra router is "doppler-2" rendered from jobs/doppler).
	Template string `yaml:"-"`
}

// copyRouter is the doppler job j as router number i, on its own ports.
func copyRouter(j job, i int) job {
	port, metrics := 8082+10*(i-1), 14825+10*(i-1)
	k := j
	k.Name, k.Template = fmt.Sprintf("doppler-%d", i), "doppler"
	k.WaitFor = fmt.Sprintf("127.0.0.1:%d", port)
	k.Endpoints = nil
	k.Properties = map[string]any{}
	for key, v := range j.Properties {
		k.Properties[key] = v
	}
	k.Properties["doppler"] = map[string]any{"grpc_port": port}
	k.Properties["metrics"] = map[string]any{"port": metrics}
	return k
}

// addRouters adds the extra routers' addresses to a rendered rlp or agent
// config: a link cannot give two routers on one host different ports.
func addRouters(j job, path string, addrs []string) error {
	if len(addrs) == 0 || (j.Binary != "rlp" && j.Binary != "agent") {
		return nil
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	var cfg map[string]any
	if err := json.Unmarshal(data, &cfg); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	routers, _ := cfg["routers"].(map[string]any)
	if routers == nil {
		return fmt.Errorf("%s: no routers section", path)
	}
	for _, a := range addrs {
		if j.Binary == "rlp" {
			routers["addrs"] = append(routers["addrs"].([]any), a)
		} else {
			routers["targets"] = append(routers["targets"].([]any), map[string]any{"addr": a})
		}
	}
	return writeJSON(path, cfg)
}

// proc is one running component.
type proc struct {
	name, bin, config, addr string
	cmd                     *exec.Cmd
	done                    chan struct{}
	logFile                 string
}

// system is the local topology started from rendered job templates.
type system struct {
	repo, bin, work string
	procs           map[string]*proc
	order           []string
	endpoints       map[string]string
	ca, cert, key   string // the client identity's files
}

// startSystem renders and starts the jobs of manifests/local.yml, skipping
// the gateway unless withGateway, downstream first. With routers > 1, more
// doppler jobs run beside the first on ports 8092, 8102, … and the agent
// and the rlp are pointed at all of them.
func startSystem(ctx context.Context, repo, bin, work string, withGateway bool, routers int) (*system, error) {
	data, err := os.ReadFile(filepath.Join(repo, "manifests", "local.yml"))
	if err != nil {
		return nil, err
	}
	var m manifest
	if err := yaml.Unmarshal(data, &m); err != nil {
		return nil, fmt.Errorf("manifests/local.yml: %w", err)
	}
	s := &system{repo: repo, bin: bin, work: work, procs: map[string]*proc{}, endpoints: map[string]string{}}
	vars, err := s.certs(m.Certificates)
	if err != nil {
		return nil, err
	}
	var jobs []job
	var extra []string
	for _, j := range m.Jobs {
		if j.Binary == "gateway" && !withGateway {
			continue
		}
		jobs = append(jobs, j)
		if j.Name != "doppler" {
			continue
		}
		for i := 2; i <= routers; i++ {
			k := copyRouter(j, i)
			extra = append(extra, k.WaitFor)
			jobs = append(jobs, k)
		}
	}
	for _, j := range jobs {
		if j.WaitFor != "" {
			if c, err := net.DialTimeout("tcp", j.WaitFor, 200*time.Millisecond); err == nil {
				c.Close()
				return s, fmt.Errorf("%s is already in use (is scripts/run-local running?)", j.WaitFor)
			}
		}
		dir := filepath.Join(work, "jobs", j.Name)
		if err := render(repo, j, vars, dir); err != nil {
			return s, err
		}
		if err := addRouters(j, filepath.Join(dir, j.Config), extra); err != nil {
			return s, err
		}
		p := &proc{name: j.Name, bin: filepath.Join(bin, j.Binary), config: filepath.Join(dir, j.Config), addr: j.WaitFor,
			logFile: filepath.Join(work, "logs", j.Name+".log")}
		s.procs[j.Name] = p
		s.order = append(s.order, j.Name)
		if err := p.start(ctx); err != nil {
			return s, err
		}
		for k, v := range j.Endpoints {
			s.endpoints[k] = v
		}
	}
	return s, nil
}

func (s *system) certs(leaves map[string]string) (map[string]string, error) {
	dir := filepath.Join(s.work, "certs")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, err
	}
	ca, err := certgen.NewCA("loggregator-bench-ca")
	if err != nil {
		return nil, err
	}
	vars := map[string]string{"loggregator_ca.certificate": string(ca.CertPEM)}
	if leaves == nil {
		leaves = map[string]string{}
	}
	leaves["client"] = "client"
	for name, cn := range leaves {
		p, err := ca.Leaf(cn, certgen.LeafOptions{})
		if err != nil {
			return nil, err
		}
		vars[name+".certificate"], vars[name+".private_key"], vars[name+".ca"] = string(p.CertPEM), string(p.KeyPEM), string(ca.CertPEM)
	}
	s.ca, s.cert, s.key = filepath.Join(dir, "ca.crt"), filepath.Join(dir, "client.crt"), filepath.Join(dir, "client.key")
	for path, data := range map[string]string{s.ca: vars["loggregator_ca.certificate"], s.cert: vars["client.certificate"], s.key: vars["client.private_key"]} {
		if err := os.WriteFile(path, []byte(data), 0o600); err != nil {
			return nil, err
		}
	}
	return vars, nil
}

// render renders j into dir, with ((variables)) filled in, and points the
// /var/vcap/jobs/<job>/ paths in the rendered files at dir.
func render(repo string, j job, vars map[string]string, dir string) error {
	if err := os.RemoveAll(dir); err != nil {
		return err
	}
	props, err := interpolate(j.Properties, vars)
	if err != nil {
		return fmt.Errorf("job %s: %w", j.Name, err)
	}
	pm, _ := props.(map[string]any)
	ctx := boshtemplate.Context{Properties: pm, Links: j.Links, Spec: boshtemplate.Spec{Deployment: "bench", IP: "127.0.0.1"}}
	template := j.Name
	if j.Template != "" {
		template = j.Template
	}
	if err := boshtemplate.Render(filepath.Join(repo, "jobs", template), ctx, dir); err != nil {
		return fmt.Errorf("render %s: %w", j.Name, err)
	}
	prefix := "/var/vcap/jobs/" + template + "/"
	return filepath.Walk(dir, func(path string, info os.FileInfo, err error) error {
		if err != nil || info.IsDir() {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(path, []byte(strings.ReplaceAll(string(data), prefix, dir+"/")), info.Mode())
	})
}

// interpolate replaces whole-value "((name))" strings in v with vars.
func interpolate(v any, vars map[string]string) (any, error) {
	switch t := v.(type) {
	case string:
		if name, ok := strings.CutPrefix(t, "(("); ok && strings.HasSuffix(name, "))") {
			name = strings.TrimSuffix(name, "))")
			val, ok := vars[name]
			if !ok {
				return nil, fmt.Errorf("unknown variable ((%s))", name)
			}
			return val, nil
		}
		return t, nil
	case map[string]any:
		out := make(map[string]any, len(t))
		for k, e := range t {
			r, err := interpolate(e, vars)
			if err != nil {
				return nil, err
			}
			out[k] = r
		}
		return out, nil
	case []any:
		out := make([]any, len(t))
		for i, e := range t {
			r, err := interpolate(e, vars)
			if err != nil {
				return nil, err
			}
			out[i] = r
		}
		return out, nil
	}
	return v, nil
}

// start starts the component and waits until it listens.
func (p *proc) start(ctx context.Context) error {
	if err := os.MkdirAll(filepath.Dir(p.logFile), 0o755); err != nil {
		return err
	}
	f, err := os.OpenFile(p.logFile, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
	if err != nil {
		return err
	}
	p.cmd = exec.Command(p.bin, "--config", p.config)
	p.cmd.Stdout, p.cmd.Stderr = f, f
	p.cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	if err := p.cmd.Start(); err != nil {
		_ = f.Close()
		return fmt.Errorf("start %s: %w", p.name, err)
	}
	p.done = make(chan struct{})
	cmd, done := p.cmd, p.done
	go func() { _ = cmd.Wait(); _ = f.Close(); close(done) }()
	if p.addr == "" {
		return nil
	}
	deadline := time.Now().Add(20 * time.Second)
	for {
		if c, err := net.DialTimeout("tcp", p.addr, 200*time.Millisecond); err == nil {
			c.Close()
			return nil
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("%s: nothing listens on %s after 20s (see %s)", p.name, p.addr, p.logFile)
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-done:
			return fmt.Errorf("%s exited at start (see %s)", p.name, p.logFile)
		case <-time.After(50 * time.Millisecond):
		}
	}
}

// kill ends the component at once, as a crash would.
func (p *proc) kill() {
	_ = syscall.Kill(-p.cmd.Process.Pid, syscall.SIGKILL)
	<-p.done
}

// stop sends SIGTERM and waits up to 15 s before killing.
func (p *proc) stop() {
	if p.cmd == nil || p.cmd.Process == nil {
		return
	}
	select {
	case <-p.done:
		return
	default:
	}
	_ = p.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-p.done:
	case <-time.After(15 * time.Second):
		p.kill()
	}
}

func (p *proc) pid() int { return p.cmd.Process.Pid }

// stop stops every component, upstream first.
func (s *system) stop() {
	for i := len(s.order) - 1; i >= 0; i-- {
		s.procs[s.order[i]].stop()
	}
}

// pids maps short component names to current PIDs.
func (s *system) pids() map[string]int {
	out := map[string]int{}
	for name, p := range s.procs {
		out[short(name)] = p.pid()
	}
	return out
}

func short(job string) string {
	if n, ok := strings.CutPrefix(job, "doppler-"); ok {
		return "router-" + n
	}
	switch job {
	case "loggregator_agent":
		return "agent"
	case "doppler":
		return "router"
	case "reverse_log_proxy":
		return "rlp"
	case "reverse_log_proxy_gateway":
		return "gateway"
	}
	return job
}

// writeJSON writes v to path.
func writeJSON(path string, v any) error {
	data, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(path, append(data, '\n'), 0o644)
}
