package manifests_test

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"

	"gopkg.in/yaml.v2"

	"loggregator/internal/boshtemplate"
)

// ownRelease is the name this repository's release has in manifests.
const ownRelease = "loggregator"

// externalReleases are releases operators upload next to ours; their jobs
// are not in jobs/ and are not rendered.
var externalReleases = map[string]bool{"bpm": true}

// externalProviders are the links that jobs of other releases provide to
// ours, by "release/job". The suite knows only their names and types: our
// templates read nothing from them but their address.
var externalProviders = map[string][]LinkSpec{
	// cf-deployment's Cloud Controller, for the binding cache and the gateway.
	"capi/cloud_controller_ng": {{Name: "cloud_controller", Type: "cloud_controller"}},
}

// deployment is an interpolated manifest as the director would place it:
// instances with addresses, job specs, resolved links.
type deployment struct {
	manifest Manifest
	specs    map[string]JobSpec
	// instances per instance group, in index order.
	instances map[string][]boshtemplate.LinkInstance
	ips       map[string][]string
	// missing holds the jobs of this release whose spec could not be read,
	// when the deployment was placed with newPartialDeployment.
	missing map[string]error
}

// newDeployment places the instances of m. Job specs are read for every job
// of this release; a missing spec is an error.
func newDeployment(m Manifest) (*deployment, error) {
	d, err := newPartialDeployment(m)
	if err != nil {
		return nil, err
	}
	for _, pj := range m.allJobs() {
		if err := d.missing[pj.Job.Name]; err != nil && pj.Job.Release == ownRelease {
			return nil, fmt.Errorf("%s: job %s: %w", pj.Where, pj.Job.Name, err)
		}
	}
	return d, nil
}

// newPartialDeployment places the instances of m like newDeployment, but a
// job of this release without a spec is only recorded in missing, so the
// jobs that exist can be rendered and the missing ones named.
func newPartialDeployment(m Manifest) (*deployment, error) {
	d := &deployment{
		manifest:  m,
		specs:     map[string]JobSpec{},
		instances: map[string][]boshtemplate.LinkInstance{},
		ips:       map[string][]string{},
		missing:   map[string]error{},
	}
	for _, pj := range m.allJobs() {
		if pj.Job.Release != ownRelease {
			continue
		}
		if _, ok := d.specs[pj.Job.Name]; ok || d.missing[pj.Job.Name] != nil {
			continue
		}
		spec, err := loadJobSpec(pj.Job.Name)
		if err != nil {
			d.missing[pj.Job.Name] = err
			continue
		}
		d.specs[pj.Job.Name] = spec
	}
	useDNS, _ := m.Features["use_dns_addresses"].(bool)
	host := 2
	for g, ig := range m.InstanceGroups {
		network := "default"
		if len(ig.Networks) > 0 {
			network = ig.Networks[0].Name
		}
		for i := 0; i < ig.count(); i++ {
			id := fmt.Sprintf("%08x-0000-4000-8000-%012x", g+1, i)
			ip := fmt.Sprintf("10.244.%d.%d", host/250, host%250+2)
			host++
			address := ip
			if useDNS {
				address = strings.Join([]string{id, canonical(ig.Name), canonical(network), canonical(m.Name), "bosh"}, ".")
			}
			az := "z1"
			if len(ig.AZs) > 0 {
				az = ig.AZs[i%len(ig.AZs)]
			}
			d.instances[ig.Name] = append(d.instances[ig.Name], boshtemplate.LinkInstance{
				Name: ig.Name, ID: id, Index: i, AZ: az, Address: address, Bootstrap: i == 0,
			})
			d.ips[ig.Name] = append(d.ips[ig.Name], ip)
		}
	}
	return d, nil
}

var nonDNS = regexp.MustCompile(`[^a-z0-9-]`)

// canonical is the director's DNS form of a name.
func canonical(name string) string {
	return nonDNS.ReplaceAllString(strings.ReplaceAll(strings.ToLower(name), "_", "-"), "")
}

// provider is one job's provided link, under the name consumers use.
type provider struct {
	group InstanceGroup
	job   Job
	link  LinkSpec
	alias string
}

func (d *deployment) providers() []provider {
	var out []provider
	for _, ig := range d.manifest.InstanceGroups {
		for _, j := range ig.Jobs {
			provides := externalProviders[j.Release+"/"+j.Name]
			if j.Release == ownRelease {
				provides = d.specs[j.Name].Provides
			}
			for _, l := range provides {
				alias := l.Name
				if cfg, present := j.Provides[l.Name]; present {
					m, isMap := normalize(cfg).(map[string]any)
					if !isMap {
						continue // provides: {name: nil} turns the link off
					}
					if as, ok := m["as"].(string); ok {
						alias = as
					}
				}
				out = append(out, provider{group: ig, job: j, link: l, alias: alias})
			}
		}
	}
	return out
}

// links resolves the links job j consumes the way the director does: an
// explicit {from: alias} picks the provider of that name, nil turns an
// optional link off, and otherwise the one provider of the link's type in
// the deployment is used (none is fine for an optional link; several is an
// error).
func (d *deployment) links(j Job) (map[string]boshtemplate.Link, error) {
	spec := d.specs[j.Name]
	out := map[string]boshtemplate.Link{}
	all := d.providers()
	for _, want := range spec.Consumes {
		var candidates []provider
		cfg, explicit := j.Consumes[want.Name]
		if explicit {
			m, isMap := normalize(cfg).(map[string]any)
			if !isMap {
				if !want.Optional {
					return nil, fmt.Errorf("job %s: required link %s is turned off", j.Name, want.Name)
				}
				continue
			}
			if _, ok := m["deployment"]; ok {
				return nil, fmt.Errorf("job %s: link %s comes from another deployment, which this suite cannot render", j.Name, want.Name)
			}
			from, _ := m["from"].(string)
			for _, p := range all {
				if p.alias == from && p.link.Type == want.Type {
					candidates = append(candidates, p)
				}
			}
		} else {
			for _, p := range all {
				if p.link.Type == want.Type {
					candidates = append(candidates, p)
				}
			}
		}
		switch {
		case len(candidates) == 0 && want.Optional:
			continue
		case len(candidates) == 0:
			return nil, fmt.Errorf("job %s: no provider of required link %s (type %s)", j.Name, want.Name, want.Type)
		case len(candidates) > 1:
			return nil, fmt.Errorf("job %s: link %s (type %s) has %d providers; name one with consumes.%s.from", j.Name, want.Name, want.Type, len(candidates), want.Name)
		}
		out[want.Name] = d.linkFrom(candidates[0])
	}
	return out, nil
}

func (d *deployment) linkFrom(p provider) boshtemplate.Link {
	spec := d.specs[p.job.Name]
	props := map[string]any{}
	for _, name := range p.link.Properties {
		v, ok := property(p.job.Properties, name)
		if !ok {
			v, ok = spec.Properties[name]["default"]
		}
		if ok {
			setProperty(props, name, normalize(v))
		}
	}
	network := "default"
	if len(p.group.Networks) > 0 {
		network = p.group.Networks[0].Name
	}
	address := strings.Join([]string{"q-s0", canonical(p.group.Name), canonical(network), canonical(d.manifest.Name), "bosh"}, ".")
	if useDNS, _ := d.manifest.Features["use_dns_addresses"].(bool); !useDNS && len(d.ips[p.group.Name]) > 0 {
		address = d.ips[p.group.Name][0]
	}
	return boshtemplate.Link{Properties: props, Instances: d.instances[p.group.Name], Address: address}
}

// renderedJob is one job rendered for one instance.
type renderedJob struct {
	Group string
	Index int
	Job   string
	Dir   string
}

// render renders every job of this release on the given instance of ig
// into dirs under root, rewriting /var/vcap/jobs/<job>/ to the output dir so
// the rendered certificate paths exist.
func (d *deployment) render(ig InstanceGroup, index int, root string) ([]renderedJob, error) {
	var out []renderedJob
	for _, j := range ig.Jobs {
		if j.Release != ownRelease {
			continue
		}
		rj, err := d.renderJob(ig, index, j, root)
		if err != nil {
			return nil, err
		}
		out = append(out, rj)
	}
	return out, nil
}

// renderJob renders job j (of this release) on the given instance of ig
// into a dir under root, as render does.
func (d *deployment) renderJob(ig InstanceGroup, index int, j Job, root string) (renderedJob, error) {
	inst := d.instances[ig.Name][index]
	ip := d.ips[ig.Name][index]
	networks := map[string]any{}
	for n, net := range ig.Networks {
		settings := map[string]any{
			"type": "manual", "ip": ip, "netmask": "255.255.0.0", "gateway": "10.244.0.1",
			"dns": []any{"10.245.0.2"}, "cloud_properties": map[string]any{},
		}
		if n == 0 {
			settings["default"] = []any{"dns", "gateway"}
		}
		networks[net.Name] = settings
	}
	links, err := d.links(j)
	if err != nil {
		return renderedJob{}, fmt.Errorf("instance group %s: %w", ig.Name, err)
	}
	idx := index
	bootstrap := inst.Bootstrap
	ctx := boshtemplate.Context{
		Properties: normalize(j.Properties).(map[string]any),
		Links:      links,
		Spec: boshtemplate.Spec{
			Name: ig.Name, ID: inst.ID, Index: &idx, AZ: inst.AZ, IP: ip, Address: inst.Address,
			Deployment: d.manifest.Name, Bootstrap: &bootstrap, Networks: networks,
		},
	}
	if j.rawProperties != nil {
		ctx.Properties = orderedProperties(j.rawProperties)
	}
	if ctx.Properties == nil {
		ctx.Properties = map[string]any{}
	}
	dir := filepath.Join(root, fmt.Sprintf("%s-%d", ig.Name, index), j.Name)
	if err := boshtemplate.Render(filepath.Join(repoRoot, "jobs", j.Name), ctx, dir); err != nil {
		return renderedJob{}, fmt.Errorf("instance group %s/%d: %w", ig.Name, index, err)
	}
	if err := rewriteJobPaths(dir, j.Name); err != nil {
		return renderedJob{}, err
	}
	return renderedJob{Group: ig.Name, Index: index, Job: j.Name, Dir: dir}, nil
}

func rewriteJobPaths(dir, job string) error {
	prefix := "/var/vcap/jobs/" + job + "/"
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

// bpmProcess is one process of a rendered config/bpm.yml.
type bpmProcess struct {
	Name       string   `yaml:"name"`
	Executable string   `yaml:"executable"`
	Args       []string `yaml:"args"`
}

// processes reads what a rendered job runs and with which config file: the
// processes of its config/bpm.yml, or, for an errand (which bpm does not
// run), the command its bin/run execs.
func processes(dir string) ([]bpmProcess, error) {
	data, err := os.ReadFile(filepath.Join(dir, "config", "bpm.yml"))
	if errors.Is(err, fs.ErrNotExist) {
		return errandProcess(dir)
	}
	if err != nil {
		return nil, err
	}
	var bpm struct {
		Processes []bpmProcess `yaml:"processes"`
	}
	if err := yaml.Unmarshal(data, &bpm); err != nil {
		return nil, fmt.Errorf("parse %s/config/bpm.yml: %w", dir, err)
	}
	return bpm.Processes, nil
}

// errandProcess reads the `exec <executable> <args>` line of a rendered
// bin/run, joining lines continued with a backslash. Arguments are split on
// white space: our errands quote nothing.
func errandProcess(dir string) ([]bpmProcess, error) {
	path := filepath.Join(dir, "bin", "run")
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("job renders neither config/bpm.yml nor bin/run: %w", err)
	}
	script := strings.ReplaceAll(string(data), "\\\n", " ")
	for _, line := range strings.Split(script, "\n") {
		fields := strings.Fields(line)
		if len(fields) < 2 || fields[0] != "exec" {
			continue
		}
		return []bpmProcess{{Name: filepath.Base(dir), Executable: fields[1], Args: fields[2:]}}, nil
	}
	return nil, fmt.Errorf("%s has no exec line", path)
}

func (p bpmProcess) configPath() (string, bool) {
	for i, a := range p.Args {
		if a == "--config" && i+1 < len(p.Args) {
			return p.Args[i+1], true
		}
		if v, ok := strings.CutPrefix(a, "--config="); ok {
			return v, true
		}
	}
	return "", false
}

// checkConfig runs `<binary> --config <path> --check-config`.
func checkConfig(binaryPath, configPath string) (string, error) {
	out, err := exec.Command(binaryPath, "--config", configPath, "--check-config").CombinedOutput()
	return string(out), err
}
