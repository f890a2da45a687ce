package compat_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"loggregator/internal/boshtemplate"
	"loggregator/internal/metrics/metricstest"
	"loggregator/tools/topology"
)

// lossBudget is the loss an all-new system is held to, in percent.
const lossBudget = 0.01

// mix says which jobs of manifests/local.yml run the previous version.
// With secondRouter a second router joins the first, from the other
// version, so one agent and one rlp talk to both versions at once.
type mix struct {
	oldAgent, oldRouter, oldRLP bool
	secondRouter                bool
	// oldManifest runs the mix from the previous version's
	// manifests/local.yml: its job properties through the current templates.
	oldManifest bool
}

// secondRouterPort and secondRouterMetrics are where the second router listens.
const secondRouterPort, secondRouterMetrics = 8092, 14835

// report is the part of the loss probe's JSON summary the suite reads.
type report struct {
	Sent        int     `json:"sent"`
	Received    int     `json:"received"`
	Lost        int     `json:"lost"`
	LossPercent float64 `json:"loss_percent"`
	Duplicates  int     `json:"duplicates"`
}

// start runs manifests/local.yml's agent, router and reverse log proxy, each
// from the version the mix names.
func start(m mix) *topology.System {
	GinkgoHelper()
	manifestRoot := repo
	if m.oldManifest {
		manifestRoot = releaseOld
	}
	manifest, err := topology.LoadManifest(filepath.Join(manifestRoot, "manifests", "local.yml"))
	Expect(err).NotTo(HaveOccurred())
	oldJob := map[string]bool{"loggregator_agent": m.oldAgent, "doppler": m.oldRouter, "reverse_log_proxy": m.oldRLP}
	var jobs []topology.Job
	for _, j := range manifest.Jobs {
		isOld, wanted := oldJob[j.Name]
		if !wanted {
			continue // the gateway reads through the rlp; the gRPC path is what mixes
		}
		if isOld {
			j.Release, j.Bin = releaseOld, filepath.Join(releaseOld, "bin")
		}
		jobs = append(jobs, j)
	}
	manifest.Jobs = jobs
	if m.secondRouter {
		addSecondRouter(manifest, !m.oldRouter)
	}

	work := GinkgoT().TempDir()
	sys, err := topology.New(repo, newBin, work, manifest)
	Expect(err).NotTo(HaveOccurred())
	sys.Progress = GinkgoWriter
	DeferCleanup(func() {
		sys.Stop()
		if CurrentSpecReport().Failed() {
			for _, p := range sys.Procs() {
				data, _ := os.ReadFile(p.LogPath())
				fmt.Fprintf(GinkgoWriter, "==> %s <==\n%s\n", p.Job.Name, data)
			}
		}
	})
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	Expect(sys.Start(ctx)).To(Succeed())
	Expect(sys.Procs()).To(HaveLen(len(manifest.Jobs)), "every job of the mix runs")
	return sys
}

// addSecondRouter starts a second router beside local.yml's (from the old
// version when old is set) and points the agent and the rlp at both.
func addSecondRouter(manifest *topology.Manifest, old bool) {
	GinkgoHelper()
	var first topology.Job
	for _, j := range manifest.Jobs {
		if j.Name == "doppler" {
			first = j
		}
	}
	Expect(first.Name).NotTo(BeEmpty(), "local.yml has a doppler job")
	second := first
	second.Name, second.Job = "doppler-1", "doppler"
	second.WaitFor = fmt.Sprintf("127.0.0.1:%d", secondRouterPort)
	second.Endpoints = nil
	second.Release, second.Bin = "", ""
	if old {
		second.Release, second.Bin = releaseOld, filepath.Join(releaseOld, "bin")
	}
	second.Properties = topology.Properties{}
	for k, v := range first.Properties {
		second.Properties[k] = v
	}
	second.Properties["doppler"] = boshtemplate.Map{{Key: "grpc_port", Value: secondRouterPort}}
	second.Properties["metrics"] = boshtemplate.Map{{Key: "port", Value: secondRouterMetrics}}

	routers := []string{"127.0.0.1:8082", fmt.Sprintf("127.0.0.1:%d", secondRouterPort)}
	var jobs []topology.Job
	for _, j := range manifest.Jobs {
		switch j.Name {
		case "reverse_log_proxy":
			// Both routers by address, each with its own port.
			j.Links = nil
			props := topology.Properties{}
			for k, v := range j.Properties {
				props[k] = v
			}
			lg, _ := props["loggregator"].(boshtemplate.Map)
			lg = append(append(boshtemplate.Map{}, lg...), boshtemplate.Item{Key: "doppler", Value: boshtemplate.Map{{Key: "addrs", Value: []any{routers[0], routers[1]}}}})
			props["loggregator"] = lg
			j.Properties = props
		case "loggregator_agent":
			// The doppler link's instances, one per router.
			link := j.Links["doppler"]
			link.Address = ""
			link.Instances = []boshtemplate.LinkInstance{
				{Name: "doppler", ID: "compat-0", Index: 0, AZ: "z1", Address: routers[0], Bootstrap: true},
				{Name: "doppler", ID: "compat-1", Index: 1, AZ: "z1", Address: routers[1]},
			}
			j.Links = map[string]boshtemplate.Link{"doppler": link}
		}
		jobs = append(jobs, j)
		if j.Name == "doppler" {
			jobs = append(jobs, second)
		}
	}
	manifest.Jobs = jobs
}

// probe sends steady traffic through the agent for a few seconds, reads it
// back through the rlp and returns the loss probe's count.
func probe(sys *topology.System) report {
	GinkgoHelper()
	ep := sys.Endpoints()
	id := map[string]string{"ca_file": ep.CA, "cert_file": ep.ClientCert, "key_file": ep.ClientKey}
	cfg := map[string]any{
		"source_id": "compat",
		"ingress":   map[string]any{"addr": ep.Endpoints["agent_ingress"], "server_name": "metron", "tls": id},
		"egress":    map[string]any{"addr": ep.Endpoints["rlp_egress"], "server_name": "reverselogproxy", "tls": id},
		"rate":      2000, "duration": "3s", "emitters": 2, "max_loss_percent": lossBudget,
	}
	data, err := json.Marshal(cfg)
	Expect(err).NotTo(HaveOccurred())
	path := filepath.Join(GinkgoT().TempDir(), "lossprobe.json")
	Expect(os.WriteFile(path, data, 0o600)).To(Succeed())

	var stdout bytes.Buffer
	cmd := exec.Command(filepath.Join(newBin, "lossprobe"), "--config", path)
	cmd.Stdout, cmd.Stderr = &stdout, GinkgoWriter
	runErr := cmd.Run()
	fmt.Fprint(GinkgoWriter, stdout.String())
	lines := bytes.Split(bytes.TrimSpace(stdout.Bytes()), []byte("\n"))
	var r report
	Expect(json.Unmarshal(lines[len(lines)-1], &r)).To(Succeed(), "the probe's last line is its JSON summary (run error: %v)", runErr)
	return r
}

var _ = Describe("Mixed versions under steady traffic", func() {
	DescribeTable("deliver within the loss budget of an all-new system",
		func(m mix) {
			sys := start(m)
			r := probe(sys)
			// One line per mix, for docs/upgrades.md (go tool ginkgo -v).
			fmt.Fprintf(GinkgoWriter, "mix %q: sent %d, lost %d (%.4f %%), duplicates %d\n",
				CurrentSpecReport().LeafNodeText, r.Sent, r.Lost, r.LossPercent, r.Duplicates)
			Expect(r.Sent).To(BeNumerically(">=", 5000), "the probe sent its traffic (2,000/s for 3 s)")
			Expect(r.LossPercent).To(BeNumerically("<", lossBudget), "lost %d of %d", r.Lost, r.Sent)
			Expect(r.Duplicates).To(BeZero())
			if m.secondRouter {
				for _, port := range []int{14825, secondRouterMetrics} {
					page, err := metricstest.Scrape(fmt.Sprintf("http://127.0.0.1:%d/metrics", port))
					Expect(err).NotTo(HaveOccurred())
					Expect(metricstest.Value(page, "ingress")).To(BeNumerically(">", 0), "the router with metrics on %d carried traffic", port)
				}
			}
		},
		Entry("all new (the baseline)", mix{}),
		Entry("all new, from the previous version's manifest properties", mix{oldManifest: true}),
		Entry("old agents -> new routers -> new rlp", mix{oldAgent: true}),
		Entry("new agents -> old routers -> old rlp", mix{oldRouter: true, oldRLP: true}),
		Entry("old rlp reading new routers", mix{oldRLP: true}),
		Entry("new rlp reading old routers", mix{oldRouter: true}),
		Entry("old agents -> old routers -> new rlp", mix{oldAgent: true, oldRouter: true}),
		Entry("all old (the previous version on its own)", mix{oldAgent: true, oldRouter: true, oldRLP: true}),
		Entry("new agents -> old and new routers -> new rlp", mix{secondRouter: true}),
		Entry("old agents -> new and old routers -> old rlp", mix{oldAgent: true, oldRouter: true, oldRLP: true, secondRouter: true}),
		Entry("old agents -> old and new routers -> new rlp", mix{oldAgent: true, secondRouter: true}),
	)
})
