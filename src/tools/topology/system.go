package topology

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"loggregator/internal/boshtemplate"
)

// System is a set of components started from one manifest.
type System struct {
	// Repo is the repository root (jobs/ and scripts/ live there).
	Repo string
	// Bin holds the built binaries.
	Bin string
	// Work receives certs/, jobs/<name>/ (rendered) and logs/<name>.log.
	Work string
	// Certs are the certificates the system runs with.
	Certs *Certs
	// Progress receives one line per started or stopped component; nil is quiet.
	Progress io.Writer

	manifest *Manifest
	procs    []*Proc // in start order
}

// New generates certificates for m into work/certs and returns a System that
// is not yet started.
func New(repo, bin, work string, m *Manifest) (*System, error) {
	certs, err := MakeCerts(filepath.Join(work, "certs"), m.Certificates)
	if err != nil {
		return nil, err
	}
	// ((work_dir)) lets a manifest name files of other jobs, as
	// /var/vcap/jobs/ does on a VM (the forwarder's ingress_port.yml glob).
	certs.Vars["work_dir"] = work
	return &System{Repo: repo, Bin: bin, Work: work, Certs: certs, manifest: m}, nil
}

// Start renders and starts, in manifest order, every job whose job directory
// and binary exist, waiting for each to listen. Jobs not in the release yet
// are skipped with a progress line. On error the caller still calls Stop.
func (s *System) Start(ctx context.Context) error {
	for _, j := range s.manifest.Jobs {
		if !exists(filepath.Join(j.release(s), "jobs", j.JobDir())) || !exists(j.binary(s)) {
			s.progress("skipping %-28s (not in this release yet)", j.Name)
			continue
		}
		p := &Proc{Job: j, sys: s}
		if err := p.render(); err != nil {
			return err
		}
		s.procs = append(s.procs, p)
		if err := p.Start(ctx); err != nil {
			return err
		}
	}
	if len(s.procs) == 0 {
		return fmt.Errorf("no job of the manifest exists yet")
	}
	return nil
}

// Stop stops every running component, last started first.
func (s *System) Stop() {
	for i := len(s.procs) - 1; i >= 0; i-- {
		s.procs[i].Stop()
	}
}

// Proc returns the started component named name, or nil.
func (s *System) Proc(name string) *Proc {
	for _, p := range s.procs {
		if p.Job.Name == name {
			return p
		}
	}
	return nil
}

// Procs returns the started components in start order.
func (s *System) Procs() []*Proc { return append([]*Proc(nil), s.procs...) }

// Endpoints is what a user needs to reach the running system.
type Endpoints struct {
	Endpoints  map[string]string `json:"endpoints"`
	CA         string            `json:"ca_cert"`
	ClientCert string            `json:"client_cert"`
	ClientKey  string            `json:"client_key"`
	Logs       map[string]string `json:"logs"`
	PIDs       map[string]int    `json:"pids"`
}

// Endpoints collects the endpoints of the started components.
func (s *System) Endpoints() *Endpoints {
	ep := &Endpoints{
		Endpoints: map[string]string{}, Logs: map[string]string{}, PIDs: map[string]int{},
		CA: s.Certs.CA, ClientCert: s.Certs.ClientCert, ClientKey: s.Certs.ClientKey,
	}
	for _, p := range s.procs {
		for k, v := range p.Job.Endpoints {
			ep.Endpoints[k] = v
		}
		ep.Logs[p.Job.Name] = p.LogPath()
		ep.PIDs[p.Job.Name] = p.PID()
	}
	return ep
}

// WriteJSON writes the endpoints to path.
func (ep *Endpoints) WriteJSON(path string) error {
	data, err := json.MarshalIndent(ep, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(path, append(data, '\n'), 0o644)
}

// Print writes the endpoints for a person to read.
func (ep *Endpoints) Print(w io.Writer) {
	keys := make([]string, 0, len(ep.Endpoints))
	for k := range ep.Endpoints {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Fprintf(w, "  %-22s %s\n", k, ep.Endpoints[k])
	}
	fmt.Fprintf(w, "  %-22s %s\n  %-22s %s\n  %-22s %s\n", "ca_cert", ep.CA, "client_cert", ep.ClientCert, "client_key", ep.ClientKey)
}

func (s *System) progress(format string, args ...any) {
	if s.Progress != nil {
		fmt.Fprintf(s.Progress, format+"\n", args...)
	}
}

// dir is where a job's templates are rendered.
func (s *System) dir(j Job) string { return filepath.Join(s.Work, "jobs", j.Name) }

// render renders the job and points the /var/vcap/jobs/<job>/ paths in the
// rendered files at the local directory that holds them.
func (p *Proc) render() error {
	j, out := p.Job, p.sys.dir(p.Job)
	if err := os.RemoveAll(out); err != nil {
		return err
	}
	props, err := interpolate(j.Properties, p.sys.Certs.Vars)
	if err != nil {
		return fmt.Errorf("job %s: %w", j.Name, err)
	}
	pm, _ := props.(map[string]any)
	ctx := boshtemplate.Context{
		Properties: pm,
		Links:      j.Links,
		Spec:       boshtemplate.Spec{Name: j.Name, Deployment: "local", IP: "127.0.0.1"},
	}
	if err := boshtemplate.Render(filepath.Join(j.release(p.sys), "jobs", j.JobDir()), ctx, out); err != nil {
		return err
	}
	prefix := "/var/vcap/jobs/" + j.JobDir() + "/"
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

func waitListening(ctx context.Context, done <-chan struct{}, addr string) error {
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
		case <-done:
			return fmt.Errorf("exited before listening on %s", addr)
		case <-deadline.C:
			return fmt.Errorf("nothing listening on %s after 20s", addr)
		case <-tick.C:
		}
	}
}

func exists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}
