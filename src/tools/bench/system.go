package main

import (
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"net"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"loggregator/internal/boshtemplate"
	"loggregator/tools/topology"
)

// startSystem starts the jobs of manifests/local.yml through the shared
// topology runner, skipping the gateway unless withGateway. With routers > 1,
// more doppler jobs (doppler-1, doppler-2, …) run beside the first on ports
// 8092, 8102, … and the agent and the rlp are pointed at all of them. The
// caller stops the returned system, also when err is not nil.
//
// With portOffset, every port of the manifest is moved up by it, so the bench
// can run beside a scripts/run-local that holds the manifest's own ports.
//
// With withTC, the traffic controller runs too, reading the same routers
// as the rlp, its binary from tcBin when that is set.
func startSystem(ctx context.Context, repo, bin, work string, withGateway bool, routers, portOffset int, withTC bool, tcBin string) (*topology.System, error) {
	path := filepath.Join(repo, "manifests", "local.yml")
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	m, err := topology.ParseManifest(shiftPorts(data, portOffset))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	m.Jobs = benchJobs(m.Jobs, withGateway, routers, portOffset)
	if withTC {
		for _, j := range m.Jobs {
			if j.Binary == "rlp" {
				m.Jobs = append(m.Jobs, tcJob(j, portOffset, tcBin))
				break
			}
		}
	}
	sys, err := topology.New(repo, bin, work, m)
	if err != nil {
		return nil, err
	}
	return sys, sys.Start(ctx)
}

// benchedJobs are the jobs of the firehose path, the ones the bench runs.
var benchedJobs = map[string]bool{
	"doppler": true, "reverse_log_proxy": true, "reverse_log_proxy_gateway": true, "loggregator_agent": true,
}

// benchJobs is the manifest's jobs as the bench runs them: without the
// gateway unless withGateway, and with routers-1 extra routers after the
// first, which the rlp and the agent both know.
//
// Each component sends its own metrics to the agent: on a VM they go to the
// local forwarder, which the bench does not run, and a component whose agent
// refuses it redials in the background, which the idle row would count.
func benchJobs(jobs []topology.Job, withGateway bool, routers, portOffset int) []topology.Job {
	agentPort := 0
	for _, j := range jobs {
		if j.Name == "loggregator_agent" {
			if _, port, err := net.SplitHostPort(j.WaitFor); err == nil {
				agentPort, _ = strconv.Atoi(port)
			}
			break
		}
	}
	var extra []topology.Job
	for _, j := range jobs {
		if j.Name != "doppler" {
			continue
		}
		for i := 1; i < routers; i++ {
			extra = append(extra, toAgent(extraRouter(j, i, portOffset), agentPort))
		}
	}
	var out []topology.Job
	for _, j := range jobs {
		if j.Binary == "gateway" && !withGateway {
			continue
		}
		if !benchedJobs[j.Name] {
			continue // the forwarder and the syslog path are benchmarked on their own
		}
		switch j.Binary {
		case "rlp", "agent":
			j = withRouters(j, extra)
		}
		if j.Binary != "agent" {
			j = toAgent(j, agentPort)
		}
		out = append(out, j)
		if j.Name == "doppler" {
			out = append(out, extra...)
		}
	}
	return out
}

// toAgent points j's own metrics (metron_endpoint) at the agent on port, on
// a copy of its properties; with port 0 (no agent job) j is left as it is.
func toAgent(j topology.Job, port int) topology.Job {
	if port == 0 {
		return j
	}
	props := maps.Clone(j.Properties)
	if props == nil {
		props = map[string]any{}
	}
	props["metron_endpoint"] = map[string]any{"host": "127.0.0.1", "grpc_port": port}
	j.Properties = props
	return j
}

// extraRouter is the doppler job j as router number i (doppler-i), on its
// own ports.
func extraRouter(j topology.Job, i, portOffset int) topology.Job {
	port, metrics := 8082+10*i+portOffset, 14825+10*i+portOffset
	k := j
	k.Name, k.Job = fmt.Sprintf("doppler-%d", i), "doppler"
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

// withRouters adds the extra routers to j's doppler link as instances that
// carry their own port. The rlp's template prefers the link's address to its
// instances, so for the rlp the address is turned into an instance as well.
func withRouters(j topology.Job, extra []topology.Job) topology.Job {
	link, ok := j.Links["doppler"]
	if !ok || len(extra) == 0 {
		return j
	}
	links := make(map[string]boshtemplate.Link, len(j.Links))
	for k, v := range j.Links {
		links[k] = v
	}
	instances := append([]boshtemplate.LinkInstance(nil), link.Instances...)
	if j.Binary == "rlp" && link.Address != "" {
		instances = []boshtemplate.LinkInstance{{Name: "doppler", ID: "local-0", AZ: "z1", Address: link.Address, Bootstrap: true}}
		link.Address = ""
	}
	for i, r := range extra {
		instances = append(instances, boshtemplate.LinkInstance{
			Name: "doppler", ID: fmt.Sprintf("local-%d", i+1), Index: i + 1, AZ: "z1", Address: r.WaitFor,
		})
	}
	link.Instances = instances
	links["doppler"] = link
	j.Links = links
	return j
}

// portPattern is a port in the manifest: four or five digits after a colon
// ("127.0.0.1:8082", "grpc_port: 8082"); the manifest holds no other such
// numbers.
var portPattern = regexp.MustCompile(`(:[ \t]*)(\d{4,5})\b`)

// shiftPorts moves every port of the manifest text up by offset.
func shiftPorts(data []byte, offset int) []byte {
	if offset == 0 {
		return data
	}
	return portPattern.ReplaceAllFunc(data, func(m []byte) []byte {
		sub := portPattern.FindSubmatch(m)
		port, _ := strconv.Atoi(string(sub[2])) // four or five digits always parse
		return append(append([]byte(nil), sub[1]...), strconv.Itoa(port+offset)...)
	})
}

// pids maps short component names to current PIDs.
func pids(sys *topology.System) map[string]int {
	out := map[string]int{}
	for _, p := range sys.Procs() {
		out[short(p.Job.Name)] = p.PID()
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
	case "loggregator_trafficcontroller":
		return "trafficcontroller"
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
