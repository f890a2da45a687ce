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

	"loggregator/tools/topology"
)

// lossBudget is the loss an all-new system is held to, in percent.
const lossBudget = 0.01

// mix says which jobs of manifests/local.yml run the previous version.
type mix struct {
	oldAgent, oldRouter, oldRLP bool
}

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
	manifest, err := topology.LoadManifest(filepath.Join(repo, "manifests", "local.yml"))
	Expect(err).NotTo(HaveOccurred())
	oldJob := map[string]bool{"loggregator_agent": m.oldAgent, "doppler": m.oldRouter, "reverse_log_proxy": m.oldRLP}
	var jobs []topology.Job
	for _, j := range manifest.Jobs {
		isOld, wanted := oldJob[j.Name]
		if !wanted {
			continue // the gateway reads through the rlp; the gRPC path is what mixes
		}
		if isOld {
			j.Release, j.Bin = old, filepath.Join(old, "bin")
		}
		jobs = append(jobs, j)
	}
	manifest.Jobs = jobs

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
	Expect(sys.Procs()).To(HaveLen(3), "agent, router and rlp run")
	return sys
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
			r := probe(start(m))
			Expect(r.Sent).To(BeNumerically(">=", 5000), "the probe sent its traffic (2,000/s for 3 s)")
			Expect(r.LossPercent).To(BeNumerically("<", lossBudget), "lost %d of %d", r.Lost, r.Sent)
			Expect(r.Duplicates).To(BeZero())
		},
		Entry("all new (the baseline)", mix{}),
		Entry("old agents -> new routers -> new rlp", mix{oldAgent: true}),
		Entry("new agents -> old routers -> old rlp", mix{oldRouter: true, oldRLP: true}),
		Entry("old rlp reading new routers", mix{oldRLP: true}),
		Entry("new rlp reading old routers", mix{oldRouter: true}),
		Entry("old agents -> old routers -> new rlp", mix{oldAgent: true, oldRouter: true}),
		Entry("all old (the previous version on its own)", mix{oldAgent: true, oldRouter: true, oldRLP: true}),
	)
})
