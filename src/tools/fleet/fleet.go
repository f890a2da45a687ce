package fleet

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"time"
)

// Version is a build of the release a container can run: the release root
// whose jobs/ render its templates, and the image holding its binaries.
type Version struct {
	Name    string
	Release string
	Image   string
}

// Options configure a Fleet.
type Options struct {
	// Prefix starts every container and network name and is the value of
	// LabelKey on all of them; two fleets with different prefixes coexist.
	Prefix string
	// Work receives certs/ and the rendered jobs of every instance.
	Work string
	// Progress receives a line per step; nil is quiet.
	Progress io.Writer
}

// Fleet is a deployment running as containers. Its methods are not safe for
// concurrent use.
type Fleet struct {
	Options
	Deployment *Deployment
	zones      map[string]*zone
	instances  []*Instance           // placed, in manifest order
	versions   map[*Instance]Version // what each instance runs
	nextIndex  map[string]int        // per group, the index the next new instance gets
}

// zone is an availability zone: a Docker network with its own subnet.
type zone struct {
	network string
	prefix  string // "172.29.3." of a /24
	next    int    // last octet of the next instance address
}

// New generates the manifest's certificates and creates one Docker network
// per availability zone the manifest names. It places no instance yet.
func New(ctx context.Context, m *Manifest, opts Options) (*Fleet, error) {
	d, err := NewDeployment(m, filepath.Join(opts.Work, "certs"))
	if err != nil {
		return nil, err
	}
	f := &Fleet{Options: opts, Deployment: d, zones: map[string]*zone{},
		versions: map[*Instance]Version{}, nextIndex: map[string]int{}}
	for _, g := range m.InstanceGroups {
		for _, az := range g.AZs {
			if f.zones[az] != nil {
				continue
			}
			z, err := f.createNetwork(ctx, az)
			if err != nil {
				return nil, err
			}
			f.zones[az] = z
		}
	}
	return f, nil
}

// createNetwork creates the zone's network, named PREFIX-AZ, or PREFIX-AZ-N
// beside a stale network of that name that Clean could not remove
// (ErrStaleNetwork).
func (f *Fleet) createNetwork(ctx context.Context, az string) (*zone, error) {
	name := f.Prefix + "-" + az
	for n := 1; ; n++ {
		z, err := f.createNamedNetwork(ctx, name, az)
		if err == nil || !strings.Contains(err.Error(), "already exists") || n > 8 {
			return z, err
		}
		name = fmt.Sprintf("%s-%s-%d", f.Prefix, az, n)
	}
}

// createNamedNetwork creates the network name for the zone az on the first
// free /24 of 172.29.0.0/16 (Docker refuses a subnet that overlaps one in
// use).
func (f *Fleet) createNamedNetwork(ctx context.Context, name, az string) (*zone, error) {
	var lastErr error
	for third := 0; third < 256; third++ {
		prefix := fmt.Sprintf("172.29.%d.", third)
		_, err := docker(ctx, nil, "network", "create", "--driver", "bridge",
			"--subnet", prefix+"0/24", "--gateway", prefix+"1",
			"--label", LabelKey+"="+f.Prefix, name)
		if err == nil {
			f.progress("network  %-24s %s0/24 (AZ %s)", name, prefix, az)
			return &zone{network: name, prefix: prefix, next: 10}, nil
		}
		lastErr = err
		if !strings.Contains(err.Error(), "overlap") {
			return nil, err
		}
	}
	return nil, fmt.Errorf("no free subnet for AZ %s: %w", az, lastErr)
}

// Place adds the manifest's instances (errands excluded) without starting
// them; each runs v.
func (f *Fleet) Place(v Version) {
	for _, g := range f.Deployment.Manifest.InstanceGroups {
		if g.Errand {
			continue
		}
		for i := 0; i < g.Instances; i++ {
			f.add(g, v)
		}
	}
}

func (f *Fleet) add(g *InstanceGroup, v Version) *Instance {
	index := f.nextIndex[g.Name]
	f.nextIndex[g.Name] = index + 1
	az := g.AZs[index%len(g.AZs)]
	z := f.zones[az]
	in := &Instance{Group: g, Index: index, ID: InstanceID(g.Name, index), AZ: az, IP: fmt.Sprintf("%s%d", z.prefix, z.next)}
	z.next++
	f.instances = append(f.instances, in)
	f.versions[in] = v
	return in
}

// Instances returns the placed instances of group ("" for all), in order.
func (f *Fleet) Instances(group string) []*Instance {
	var out []*Instance
	for _, in := range f.instances {
		if group == "" || in.Group.Name == group {
			out = append(out, in)
		}
	}
	return out
}

// Container is the container name of an instance.
func (f *Fleet) Container(in *Instance) string {
	return fmt.Sprintf("%s-%s-%d", f.Prefix, in.Group.Name, in.Index)
}

// Version returns what the instance runs.
func (f *Fleet) Version(in *Instance) Version { return f.versions[in] }

// Up creates and starts every placed instance, in manifest order, and waits
// until each job's health check passes.
func (f *Fleet) Up(ctx context.Context) error {
	for _, in := range f.instances {
		if err := f.create(ctx, in); err != nil {
			return err
		}
		if _, err := docker(ctx, nil, "start", f.Container(in)); err != nil {
			return err
		}
	}
	for _, in := range f.instances {
		if err := f.WaitHealthy(ctx, in); err != nil {
			return err
		}
		f.progress("started  %-24s %-15s AZ %s  %s", f.Container(in), in.IP, in.AZ, f.versions[in].Name)
	}
	return nil
}

// create renders the instance's jobs from its version and creates its
// container on its zone's network (and, for routing between zones, on every
// other zone's), with its DNS names as aliases, the rendered jobs copied in.
func (f *Fleet) create(ctx context.Context, in *Instance) error {
	v := f.versions[in]
	dir := filepath.Join(f.Work, "instances", v.Name, f.Container(in))
	if err := os.RemoveAll(dir); err != nil {
		return err
	}
	if err := f.Deployment.Render(v.Release, in, f.instances, dir); err != nil {
		return err
	}
	name := f.Container(in)
	_, err := docker(ctx, nil, "create", "--init", "--name", name, "--hostname", in.ID[:8],
		"--label", LabelKey+"="+f.Prefix, "--stop-timeout", "60",
		"--network", f.zones[in.AZ].network, "--ip", in.IP,
		"--network-alias", f.Deployment.InstanceName(in), "--network-alias", f.Deployment.GroupName(in.Group.Name),
		v.Image)
	if err != nil {
		return err
	}
	if err := f.connectOthers(ctx, in); err != nil {
		return err
	}
	_, err = docker(ctx, nil, "cp", dir+"/.", name+":/var/vcap/jobs")
	return err
}

func (f *Fleet) connectOthers(ctx context.Context, in *Instance) error {
	for az, z := range f.zones {
		if az == in.AZ {
			continue
		}
		if _, err := docker(ctx, nil, "network", "connect",
			"--alias", f.Deployment.InstanceName(in), "--alias", f.Deployment.GroupName(in.Group.Name),
			z.network, f.Container(in)); err != nil {
			return err
		}
	}
	return nil
}

// Exec runs a command in the instance's container and returns its output.
func (f *Fleet) Exec(ctx context.Context, in *Instance, args ...string) (string, error) {
	return docker(ctx, nil, append([]string{"exec", f.Container(in)}, args...)...)
}

// WaitHealthy waits until every job of the instance that has a BOSH DNS
// health check (bin/dns/healthy) passes it.
func (f *Fleet) WaitHealthy(ctx context.Context, in *Instance) error {
	for _, j := range in.Group.Jobs {
		check := "/var/vcap/jobs/" + j.Name + "/bin/dns/healthy"
		if _, err := os.Stat(filepath.Join(f.Work, "instances", f.versions[in].Name, f.Container(in), j.Name, "bin", "dns", "healthy")); err != nil {
			continue
		}
		if err := f.Until(ctx, 60*time.Second, func() error { _, err := f.Exec(ctx, in, check); return err }); err != nil {
			return fmt.Errorf("%s: %s never passed: %w", f.Container(in), check, err)
		}
	}
	return nil
}

// WaitListening waits until something in the instance listens on port of
// its loopback (where agents take envelopes).
func (f *Fleet) WaitListening(ctx context.Context, in *Instance, port int) error {
	probe := fmt.Sprintf("</dev/tcp/127.0.0.1/%d", port)
	return f.Until(ctx, 60*time.Second, func() error { _, err := f.Exec(ctx, in, "bash", "-c", probe); return err })
}

// Until calls try every 200 ms until it succeeds or timeout passes.
func (f *Fleet) Until(ctx context.Context, timeout time.Duration, try func() error) error {
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	tick := time.NewTicker(200 * time.Millisecond)
	defer tick.Stop()
	for {
		err := try()
		if err == nil {
			return nil
		}
		select {
		case <-ctx.Done():
			return err
		case <-tick.C:
		}
	}
}

// Drain runs the job's drain script in the instance, as the BOSH agent does
// before it stops the job, and returns what it printed (BOSH reads the wait
// in seconds from it).
func (f *Fleet) Drain(ctx context.Context, in *Instance, job string) (string, error) {
	return f.Exec(ctx, in, "/var/vcap/jobs/"+job+"/bin/drain", "job_shutdown", "hash_unchanged")
}

// Stop stops the instance the way BOSH stops a VM's jobs for an update:
// every job's drain script, then SIGTERM to what is left (the init's stop),
// waiting for it to exit.
func (f *Fleet) Stop(ctx context.Context, in *Instance) error {
	for _, j := range in.Group.Jobs {
		if _, err := os.Stat(filepath.Join(f.Work, "instances", f.versions[in].Name, f.Container(in), j.Name, "bin", "drain")); err != nil {
			continue
		}
		if out, err := f.Drain(ctx, in, j.Name); err != nil {
			return fmt.Errorf("%s: drain %s: %w", f.Container(in), j.Name, err)
		} else if strings.TrimSpace(out) != "0" {
			f.progress("drain    %-24s %s printed %q", f.Container(in), j.Name, out)
		}
	}
	_, err := docker(ctx, nil, "stop", "--time", "60", f.Container(in))
	return err
}

// Restart stops the instance as BOSH does (Stop), starts it again and
// waits until it is healthy.
func (f *Fleet) Restart(ctx context.Context, in *Instance) error {
	if err := f.Stop(ctx, in); err != nil {
		return err
	}
	if _, err := docker(ctx, nil, "start", f.Container(in)); err != nil {
		return err
	}
	if err := f.WaitHealthy(ctx, in); err != nil {
		return err
	}
	f.progress("restarted %-23s", f.Container(in))
	return nil
}

// RestartJob restarts one job of a running instance: its drain script
// (which stops it), then the init starts every process that is not running,
// as `monit start all` would. It returns once the job runs under a new pid.
func (f *Fleet) RestartJob(ctx context.Context, in *Instance, job string) error {
	pidFile := "/var/vcap/sys/run/bpm/" + job + "/" + job + ".pid"
	before, err := f.Exec(ctx, in, "cat", pidFile)
	if err != nil {
		return fmt.Errorf("%s: %s is not running: %w", f.Container(in), job, err)
	}
	if _, err := f.Drain(ctx, in, job); err != nil {
		return fmt.Errorf("%s: drain %s: %w", f.Container(in), job, err)
	}
	if _, err := docker(ctx, nil, "kill", "--signal", "HUP", f.Container(in)); err != nil {
		return err
	}
	return f.Until(ctx, 60*time.Second, func() error {
		now, err := f.Exec(ctx, in, "cat", pidFile)
		if err == nil && now == before {
			err = fmt.Errorf("%s still has pid %s", job, now)
		}
		return err
	})
}

// Recreate replaces the instance's container by one running v, as BOSH
// does when it updates a VM to a new release: Stop, delete, create from v's
// image with v's templates, start, wait until healthy. The instance keeps
// its address and names.
func (f *Fleet) Recreate(ctx context.Context, in *Instance, v Version) error {
	if err := f.Stop(ctx, in); err != nil {
		return err
	}
	if _, err := docker(ctx, nil, "rm", "-f", f.Container(in)); err != nil {
		return err
	}
	f.versions[in] = v
	if err := f.create(ctx, in); err != nil {
		return err
	}
	if _, err := docker(ctx, nil, "start", f.Container(in)); err != nil {
		return err
	}
	if err := f.WaitHealthy(ctx, in); err != nil {
		return err
	}
	f.progress("recreated %-23s with %s", f.Container(in), v.Name)
	return nil
}

// Disconnect cuts the instance off every network without stopping it: its
// peers' packets go nowhere (no reset), and its names leave DNS.
func (f *Fleet) Disconnect(ctx context.Context, in *Instance) error {
	for _, z := range f.zones {
		if _, err := docker(ctx, nil, "network", "disconnect", z.network, f.Container(in)); err != nil {
			return err
		}
	}
	f.progress("cut off  %s", f.Container(in))
	return nil
}

// Blackhole makes the instance drop every packet that is not on its
// loopback, in and out, without stopping it or taking it off any network:
// peers see silence (no reset, no refusal) and its names keep resolving, as
// when a VM's network fails under BOSH DNS. It adds iptables DROP rules in
// the container's network namespace from the host (nsenter; needs root and
// iptables on the host). Where that cannot be done it pauses the container
// instead (its kernel then still accepts connections and data, but no
// process answers). It returns which of the two it did; Heal undoes it.
func (f *Fleet) Blackhole(ctx context.Context, in *Instance) (string, error) {
	name := f.Container(in)
	err := f.netnsDrop(ctx, in, "-I")
	if err == nil {
		f.progress("blackhole %s (iptables DROP in its network namespace)", name)
		return "iptables DROP", nil
	}
	f.progress("blackhole %s: %v; pausing it instead", name, err)
	if _, err := docker(ctx, nil, "pause", name); err != nil {
		return "", err
	}
	f.progress("blackhole %s (docker pause)", name)
	return "docker pause", nil
}

// Heal ends what Blackhole did.
func (f *Fleet) Heal(ctx context.Context, in *Instance, how string) error {
	if how == "docker pause" {
		_, err := docker(ctx, nil, "unpause", f.Container(in))
		return err
	}
	return f.netnsDrop(ctx, in, "-D")
}

// netnsDrop adds (-I) or deletes (-D) the DROP rules for everything but
// loopback in the instance's network namespace. It first checks that the
// namespace it entered holds the instance's address, so a host whose
// docker command talks to a daemon elsewhere (a pid from another pid
// namespace) never touches the wrong one.
func (f *Fleet) netnsDrop(ctx context.Context, in *Instance, op string) error {
	pid, err := docker(ctx, nil, "inspect", "--format", "{{.State.Pid}}", f.Container(in))
	if err != nil {
		return err
	}
	ns := []string{"nsenter", "--target", pid, "--net", "--"}
	run := func(args ...string) (string, error) {
		cmd := exec.CommandContext(ctx, ns[0], append(ns[1:], args...)...)
		out, err := cmd.CombinedOutput()
		if err != nil {
			return "", fmt.Errorf("%s: %w: %s", strings.Join(args, " "), err, strings.TrimSpace(string(out)))
		}
		return string(out), nil
	}
	addrs, err := run("ip", "-o", "-4", "addr", "show")
	if err != nil {
		return err
	}
	if !strings.Contains(addrs, " "+in.IP+"/") {
		return fmt.Errorf("the network namespace of pid %s does not hold %s", pid, in.IP)
	}
	for _, rule := range [][]string{{"INPUT", "!", "-i", "lo"}, {"OUTPUT", "!", "-o", "lo"}} {
		if _, err := run(append([]string{"iptables", op, rule[0]}, append(rule[1:], "-j", "DROP")...)...); err != nil {
			return err
		}
	}
	return nil
}

// Reconnect puts a cut-off instance back on its networks with its address
// and names.
func (f *Fleet) Reconnect(ctx context.Context, in *Instance) error {
	if _, err := docker(ctx, nil, "network", "connect", "--ip", in.IP,
		"--alias", f.Deployment.InstanceName(in), "--alias", f.Deployment.GroupName(in.Group.Name),
		f.zones[in.AZ].network, f.Container(in)); err != nil {
		return err
	}
	if err := f.connectOthers(ctx, in); err != nil {
		return err
	}
	f.progress("rejoined %s", f.Container(in))
	return nil
}

// Scale adds instances to the group, or deletes its highest-indexed ones
// (drained and stopped first, as BOSH deletes a VM), until it has n. New
// instances run v. Other instances are left as they are: what follows the
// change does so through DNS.
func (f *Fleet) Scale(ctx context.Context, group string, n int, v Version) error {
	g := f.Deployment.Manifest.Group(group)
	if g == nil {
		return fmt.Errorf("no instance group %s", group)
	}
	have := f.Instances(group)
	for len(have) < n {
		in := f.add(g, v)
		if err := f.create(ctx, in); err != nil {
			return err
		}
		if _, err := docker(ctx, nil, "start", f.Container(in)); err != nil {
			return err
		}
		if err := f.WaitHealthy(ctx, in); err != nil {
			return err
		}
		f.progress("added    %-24s %-15s AZ %s", f.Container(in), in.IP, in.AZ)
		have = append(have, in)
	}
	for len(have) > n {
		in := have[len(have)-1]
		have = have[:len(have)-1]
		if err := f.Stop(ctx, in); err != nil {
			return err
		}
		if _, err := docker(ctx, nil, "rm", "-f", f.Container(in)); err != nil {
			return err
		}
		for i, x := range f.instances {
			if x == in {
				f.instances = append(f.instances[:i], f.instances[i+1:]...)
				break
			}
		}
		delete(f.versions, in)
		f.progress("deleted  %s", f.Container(in))
	}
	return nil
}

// Down stops every instance gracefully (each container's init drains its
// jobs), all at once, then removes everything labelled with the prefix.
func (f *Fleet) Down(ctx context.Context) error {
	var wg sync.WaitGroup
	for _, in := range f.instances {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, _ = docker(ctx, nil, "stop", "--time", "60", f.Container(in)) // removed below either way
		}()
	}
	wg.Wait()
	return Clean(ctx, f.Prefix)
}

// Logs returns the container's output (every job's lines, prefixed).
func (f *Fleet) Logs(ctx context.Context, in *Instance) string {
	out, err := docker(ctx, nil, "logs", "--tail", "200", f.Container(in))
	if err != nil {
		return err.Error()
	}
	return out
}

func (f *Fleet) progress(format string, args ...any) {
	if f.Progress != nil {
		fmt.Fprintf(f.Progress, time.Now().Format("15:04:05.000 ")+format+"\n", args...)
	}
}
