package fleet

import (
	"fmt"
	"slices"
)

// Shape is how many instances of each group of manifests/loggregator.yml
// the fleet runs and over which zones, as a scaling ops file would set them.
type Shape struct {
	Routers, LogAPIs, Agents int
	AZs                      []string
	// Fast shortens the intervals at which agents and proxies re-resolve
	// the routers' names and retry them (1 s instead of 15–30 s), so a
	// suite sees DNS changes followed within seconds. (Agents recycling
	// their streams more often was tried and dropped: it did not bring new
	// routers traffic sooner, and every re-dial can land on a router that
	// has just started and has no subscriber yet; see docs/upgrades.md.)
	Fast bool
}

// DefaultShape is three routers, two log-api VMs and three agent VMs over
// two zones.
func DefaultShape() Shape {
	return Shape{Routers: 3, LogAPIs: 2, Agents: 3, AZs: []string{"z1", "z2"}}
}

// ManifestVars are the variables manifests/loggregator.yml takes with -v,
// for a deployment named name.
func ManifestVars(name string) map[string]string {
	return map[string]string{
		"deployment_name": name,
		// The gateway's certificate carries the log-api group's DNS name, so
		// a client that reaches it by that name can verify it.
		"gateway_external_name": fmt.Sprintf("q-s0.log-api.%s.%s.bosh", Network, name),
	}
}

// Reshape applies s to manifests/loggregator.yml's instance groups
// (doppler, log-api, emitter), and colocates the log-loss-probe errand's
// job on every emitter VM, reading through the gateway as well as the rlp,
// so a suite can run the probe beside each agent; the errand group itself
// is dropped (errands run on demand, not as part of the fleet).
func (m *Manifest) Reshape(s Shape) error {
	for name, n := range map[string]int{"doppler": s.Routers, "log-api": s.LogAPIs, "emitter": s.Agents} {
		g := m.Group(name)
		if g == nil {
			return fmt.Errorf("manifest has no instance group %s", name)
		}
		g.Instances, g.AZs = n, slices.Clone(s.AZs)
	}
	var groups []*InstanceGroup
	var probe *ManifestJob
	for _, g := range m.InstanceGroups {
		if g.Errand {
			if j := g.Job("log-loss-probe"); j != nil {
				probe = j
			}
			continue
		}
		groups = append(groups, g)
	}
	m.InstanceGroups = groups
	if probe == nil {
		return fmt.Errorf("manifest has no log-loss-probe errand job to colocate")
	}
	colocated := &ManifestJob{Name: probe.Name, Release: probe.Release, Properties: probe.Properties,
		Provides: map[string]string{}, Consumes: map[string]string{}}
	colocated.Properties = setPath(colocated.Properties, []string{"log_loss_probe", "gateway", "url"},
		fmt.Sprintf("https://q-s0.log-api.%s.%s.bosh:8088", Network, m.Name))
	colocated.Properties = setPath(colocated.Properties, []string{"log_loss_probe", "gateway", "ca_cert"}, "((loggregator_ca.certificate))")
	emitter := m.Group("emitter")
	emitter.Jobs = append(emitter.Jobs, colocated)
	if s.Fast {
		m.Set("loggregator_agent", "doppler.dns_refresh_interval", "1s")
		m.Set("loggregator_agent", "doppler.max_backoff", "1s")
		m.Set("reverse_log_proxy", "reverse_log_proxy.routers.refresh_interval", "1s")
		m.Set("reverse_log_proxy", "reverse_log_proxy.routers.max_backoff", "1s")
	}
	return nil
}
