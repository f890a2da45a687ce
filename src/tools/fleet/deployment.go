package fleet

import (
	"crypto/sha1"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"loggregator/internal/boshtemplate"
	"loggregator/tools/topology"
)

// Network is the BOSH network name every instance is on; the fleet gives it
// one Docker network per availability zone.
const Network = "default"

// Instance is one VM of the deployment: a container.
type Instance struct {
	Group *InstanceGroup
	Index int
	// ID is the instance's id (a stable UUID-shaped name, as BOSH gives one).
	ID string
	AZ string
	// IP is the instance's address on its zone's network.
	IP string
}

// Bootstrap reports whether this is the group's first instance.
func (in *Instance) Bootstrap() bool { return in.Index == 0 }

// Deployment is a manifest placed on networks: its instances and how their
// jobs are rendered.
type Deployment struct {
	Manifest *Manifest
	// Certs are the manifest's certificate variables, generated.
	Certs *topology.Certs
	specs map[string]*JobSpec // by release root and job name
}

// NewDeployment generates the manifest's certificates into dir.
func NewDeployment(m *Manifest, dir string) (*Deployment, error) {
	leaves := map[string]string{}
	for _, v := range m.Variables {
		if v.Type == "certificate" && !v.IsCA {
			leaves[v.Name] = v.CommonName
		}
	}
	certs, err := topology.MakeCerts(dir, leaves)
	if err != nil {
		return nil, err
	}
	for _, v := range m.Variables {
		if v.IsCA && v.Name != "loggregator_ca" {
			return nil, fmt.Errorf("variable %s: only the CA loggregator_ca is generated", v.Name)
		}
	}
	return &Deployment{Manifest: m, Certs: certs, specs: map[string]*JobSpec{}}, nil
}

// InstanceName is the DNS name of one instance, as BOSH DNS gives it with
// use_dns_addresses: <id>.<group>.<network>.<deployment>.bosh.
func (d *Deployment) InstanceName(in *Instance) string {
	return fmt.Sprintf("%s.%s.%s.%s.bosh", in.ID, in.Group.Name, Network, d.Manifest.Name)
}

// GroupName is the DNS query name that resolves to every healthy instance of
// a group, as link(...).address returns it.
func (d *Deployment) GroupName(group string) string {
	return fmt.Sprintf("q-s0.%s.%s.%s.bosh", group, Network, d.Manifest.Name)
}

// InstanceID is the id of a group's instance: stable across runs, shaped as
// the director's UUIDs.
func InstanceID(group string, index int) string {
	h := sha1.Sum([]byte(fmt.Sprintf("%s/%d", group, index)))
	return fmt.Sprintf("%x-%x-%x-%x-%x", h[0:4], h[4:6], h[6:8], h[8:10], h[10:16])
}

func (d *Deployment) spec(release, job string) (*JobSpec, error) {
	key := release + "\x00" + job
	if s, ok := d.specs[key]; ok {
		return s, nil
	}
	s, err := LoadJobSpec(release, job)
	if err != nil {
		return nil, err
	}
	d.specs[key] = s
	return s, nil
}

// Render renders every job of the instance from release's jobs/ into
// out/<job>, with the links the director would resolve: a consumed link is
// provided by the one job in the deployment that provides its type (under
// the name `from` gives, when given); when several do, the one on the
// consumer's own instance group. instances lists every instance of the
// deployment, for the links' instance lists.
func (d *Deployment) Render(release string, in *Instance, instances []*Instance, out string) error {
	for _, j := range in.Group.Jobs {
		if !ours(release, j.Name) {
			continue // another release's job (bpm): the init does its work
		}
		spec, err := d.spec(release, j.Name)
		if err != nil {
			return err
		}
		links := map[string]boshtemplate.Link{}
		for _, c := range spec.Consumes {
			l, ok, err := d.link(release, in.Group, j, c, instances)
			if err != nil {
				return fmt.Errorf("instance %s/%d job %s: %w", in.Group.Name, in.Index, j.Name, err)
			}
			if ok {
				links[c.Name] = l
			}
		}
		props := substitute(j.Properties, d.Certs.Vars).(boshtemplate.Map)
		if left := unresolved(props); left != "" {
			return fmt.Errorf("instance %s/%d job %s: unknown variable %s", in.Group.Name, in.Index, j.Name, left)
		}
		index, bootstrap := in.Index, in.Bootstrap()
		ctx := boshtemplate.Context{
			Properties: props.ToMap(),
			Links:      links,
			Spec: boshtemplate.Spec{
				Name: in.Group.Name, ID: in.ID, Index: &index, AZ: in.AZ, IP: in.IP,
				Address: d.InstanceName(in), Deployment: d.Manifest.Name, Bootstrap: &bootstrap,
				Networks: map[string]any{Network: map[string]any{"ip": in.IP, "default": []string{"dns", "gateway"}}},
			},
		}
		if err := boshtemplate.Render(filepath.Join(release, "jobs", j.Name), ctx, filepath.Join(out, j.Name)); err != nil {
			return err
		}
	}
	return nil
}

func (d *Deployment) link(release string, consumer *InstanceGroup, j *ManifestJob, c LinkDef, instances []*Instance) (boshtemplate.Link, bool, error) {
	from := j.Consumes[c.Name]
	type provider struct {
		group *InstanceGroup
		job   *ManifestJob
		def   LinkDef
		spec  *JobSpec
	}
	var found []provider
	for _, g := range d.Manifest.InstanceGroups {
		for _, pj := range g.Jobs {
			if !ours(release, pj.Name) {
				continue
			}
			spec, err := d.spec(release, pj.Name)
			if err != nil {
				return boshtemplate.Link{}, false, err
			}
			for _, p := range spec.Provides {
				name := p.Name
				if as := pj.Provides[p.Name]; as != "" {
					name = as
				}
				if p.Type == c.Type && (from == "" || from == name) {
					found = append(found, provider{g, pj, p, spec})
				}
			}
		}
	}
	if len(found) > 1 {
		var same []provider
		for _, p := range found {
			if p.group == consumer {
				same = append(same, p)
			}
		}
		found = same
	}
	switch {
	case len(found) == 0 && c.Optional:
		return boshtemplate.Link{}, false, nil
	case len(found) == 0:
		return boshtemplate.Link{}, false, fmt.Errorf("no job provides link %s (type %s)", c.Name, c.Type)
	case len(found) > 1:
		return boshtemplate.Link{}, false, fmt.Errorf("link %s (type %s) is provided by several jobs: name one with consumes.%s.from", c.Name, c.Type, c.Name)
	}
	p := found[0]
	l := boshtemplate.Link{
		Properties: linkProperties(p.def, p.spec, p.job.Properties),
		Address:    d.GroupName(p.group.Name),
	}
	for _, in := range instances {
		if in.Group == p.group {
			l.Instances = append(l.Instances, boshtemplate.LinkInstance{
				Name: in.Group.Name, ID: in.ID, Index: in.Index, AZ: in.AZ,
				Address: d.InstanceName(in), Bootstrap: in.Bootstrap(),
			})
		}
	}
	return l, true, nil
}

// ours reports whether the release has the job.
func ours(release, job string) bool {
	_, err := os.Stat(filepath.Join(release, "jobs", job, "spec"))
	return err == nil
}

// unresolved returns the first "((name))" left in v, or "".
func unresolved(v any) string {
	switch t := v.(type) {
	case string:
		if strings.HasPrefix(t, "((") && strings.HasSuffix(t, "))") {
			return t
		}
	case boshtemplate.Map:
		for _, it := range t {
			if s := unresolved(it.Value); s != "" {
				return s
			}
		}
	case []any:
		for _, e := range t {
			if s := unresolved(e); s != "" {
				return s
			}
		}
	}
	return ""
}
