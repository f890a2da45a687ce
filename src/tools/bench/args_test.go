package main

import (
	"os"
	"path/filepath"
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"loggregator/internal/boshtemplate"
	"loggregator/tools/topology"
)

func names(plan []scenario) []string {
	out := make([]string, len(plan))
	for i, sc := range plan {
		out[i] = sc.Name
	}
	return out
}

var _ = Describe("The command line", func() {
	It("runs the end-to-end set by default, 10 s each with 30 s of idle, with the gateway, and writes the docs", func() {
		o, err := parseArgs(nil)
		Expect(err).NotTo(HaveOccurred())
		Expect(o.issue).To(BeFalse())
		var one []scenario // with one router the router kill and stop are left out
		for _, sc := range endToEnd {
			if sc.MinRouters <= 1 {
				one = append(one, sc)
			}
		}
		Expect(names(o.plan)).To(Equal(names(one)))
		Expect(o.skipped).To(ConsistOf(ContainSubstring("router-kill-20k (needs --routers 2)"), ContainSubstring("router-stop-20k")))
		Expect(o.duration).To(Equal(10 * time.Second))
		Expect(o.idle).To(Equal(30 * time.Second))
		Expect(o.write).To(BeTrue())
		Expect(o.gateway).To(BeTrue(), "router-restart-2 reads through the gateway")
	})

	It("runs the whole end-to-end set with --routers 2", func() {
		o, err := parseArgs([]string{"--routers", "2"})
		Expect(err).NotTo(HaveOccurred())
		Expect(names(o.plan)).To(Equal(names(endToEnd)))
		Expect(o.skipped).To(BeEmpty())
	})

	It("runs every row of issue 15 with --issue, the sweep last, and starts the gateway for its readers", func() {
		o, err := parseArgs([]string{"--issue", "--repo", "/r", "--bin", "/b"})
		Expect(err).NotTo(HaveOccurred())
		Expect(o.issue).To(BeTrue())
		Expect(names(o.plan)).To(Equal([]string{
			"unary-1k", "rate-100k-4", "sat-1", "sat-4", "gw-50k", "gw-flat", "gw-20k-x10", "gw-5k",
			"ingress-batch-5k", "ingress-sender-5k", "ingress-unary-5k",
			"sweep-1k", "sweep-5k", "sweep-20k", "sweep-50k", "sweep-100k", "sweep-200k", "sweep-flat",
		}))
		Expect(o.gateway).To(BeTrue())
		Expect(o.idle).To(Equal(30 * time.Second)) // the periodic work comes every 15 s
		Expect(o.args).To(Equal("--issue=true"), "the command recorded in the docs leaves out --repo and --bin")
	})

	It("picks the issue set when --only names one of its workloads or groups, in the set's order", func() {
		o, err := parseArgs([]string{"--only", "ingress-unary-5k, unary-1k,gateway"})
		Expect(err).NotTo(HaveOccurred())
		Expect(o.issue).To(BeTrue())
		Expect(names(o.plan)).To(Equal([]string{"unary-1k", "gw-50k", "gw-flat", "gw-20k-x10", "gw-5k", "ingress-unary-5k"}))
		Expect(o.gateway).To(BeTrue())
	})

	It("runs only the sweep with --only sweep, for --sweep-duration each, without the gateway", func() {
		o, err := parseArgs([]string{"--only=sweep", "--sweep-duration=7s"})
		Expect(err).NotTo(HaveOccurred())
		Expect(o.plan).To(HaveLen(7))
		for _, sc := range o.plan {
			Expect(sc.Duration).To(Equal(7 * time.Second))
		}
		Expect(o.gateway).To(BeFalse())
	})

	It("runs the traffic controller's workloads with --tc, each with a firehose reader, 10 s of idle", func() {
		o, err := parseArgs([]string{"--tc", "--tc-bin", "/old"})
		Expect(err).NotTo(HaveOccurred())
		Expect(o.tc).To(BeTrue())
		Expect(o.issue).To(BeFalse())
		Expect(o.tcBin).To(Equal("/old"))
		Expect(names(o.plan)).To(Equal([]string{"tc-5k", "tc-100k", "tc-slow-5k", "tc-slow-100k"}))
		for _, sc := range o.plan {
			Expect(sc.Firehose).To(BeTrue(), sc.Name)
		}
		Expect(o.plan[2].FirehoseSlow).To(BeNumerically(">", 0))
		Expect(o.idle).To(Equal(10 * time.Second))
	})

	It("picks the traffic controller's set when --only names its workloads", func() {
		o, err := parseArgs([]string{"--only", "tc-slow-5k,tc-5k"})
		Expect(err).NotTo(HaveOccurred())
		Expect(o.tc).To(BeTrue())
		Expect(names(o.plan)).To(Equal([]string{"tc-5k", "tc-slow-5k"}))
	})

	It("shortens everything and writes nothing with --quick", func() {
		o, err := parseArgs([]string{"--issue", "--quick"})
		Expect(err).NotTo(HaveOccurred())
		Expect(o.duration).To(Equal(3 * time.Second))
		Expect(o.plan[len(o.plan)-1].Duration).To(Equal(2 * time.Second))
		Expect(o.idle).To(Equal(5 * time.Second))
		Expect(o.write).To(BeFalse())
	})

	DescribeTable("names what is wrong",
		func(args []string, msg string) {
			_, err := parseArgs(args)
			Expect(err).To(MatchError(ContainSubstring(msg)))
		},
		Entry("an unknown workload", []string{"--only", "rate-3k"}, `"rate-3k" is not a workload or group of the end-to-end set`),
		Entry("workloads of both sets", []string{"--only", "unary-1k,flat-1"}, `"flat-1" is not a workload or group of the issue set`),
		Entry("a group of the issue set with --issue off but an end-to-end name", []string{"--only", "sweep,mix"}, `"mix"`),
		Entry("both the issue set and the traffic controller's", []string{"--tc", "--issue"}, "--tc and --issue"),
		Entry("a workload of another set with --tc", []string{"--tc", "--only", "flat-1"}, `"flat-1" is not a workload or group of the tc set`),
		Entry("a zero duration", []string{"--duration", "0s"}, "--duration"),
		Entry("no router", []string{"--routers", "0"}, "--routers"),
		Entry("a router kill with one router", []string{"--only", "router-kill-20k"}, "router-kill-20k needs --routers 2"),
		Entry("a stray argument", []string{"extra"}, `unexpected argument "extra"`),
	)
})

var _ = Describe("The rate sweep", func() {
	It("offers each rate from four emitters, named by the rate, flat out last", func() {
		plan := sweepPlan([]int{1_000, 200_000, 2_500, 0}, 4*time.Second)
		Expect(names(plan)).To(Equal([]string{"sweep-1k", "sweep-200k", "sweep-2500", "sweep-flat"}))
		Expect(plan[1].Rate).To(Equal(200_000))
		Expect(plan[3].Rate).To(BeZero())
		for _, sc := range plan {
			Expect(sc.Emitters).To(Equal(sweepEmitters))
			Expect(sc.Duration).To(Equal(4 * time.Second))
			Expect(sc.Readers).To(BeZero())
		}
	})

	It("covers the rates of the issue, 1k to 200k and flat out", func() {
		Expect(sweepRates).To(Equal([]int{1_000, 5_000, 20_000, 50_000, 100_000, 200_000, 0}))
	})
})

var _ = Describe("Moving the manifest's ports", func() {
	It("moves every address and port property up by the offset, comments aside", func() {
		in := "# listens on 3459\nwait_for: 127.0.0.1:8082\nmetrics: http://127.0.0.1:14825/metrics\n  grpc_port: 8082\n  port: 3458\n"
		Expect(string(shiftPorts([]byte(in), 20000))).To(Equal(
			"# listens on 3459\nwait_for: 127.0.0.1:28082\nmetrics: http://127.0.0.1:34825/metrics\n  grpc_port: 28082\n  port: 23458\n"))
		Expect(shiftPorts([]byte(in), 0)).To(Equal([]byte(in)))
	})

	It("puts the traffic controller on its moved ports, reading the rlp's routers, from --tc-bin when given", func() {
		link := boshtemplate.Link{Address: "127.0.0.1"}
		j := tcJob(topology.Job{Name: "reverse_log_proxy", Links: map[string]boshtemplate.Link{"doppler": link}}, 20000, "/old")
		Expect(j.WaitFor).To(Equal("127.0.0.1:28081"))
		Expect(j.Endpoints["tc_url"]).To(Equal("ws://127.0.0.1:28081"))
		Expect(j.Links).To(HaveKeyWithValue("doppler", link))
		Expect(j.Bin).To(Equal("/old"))
		Expect(short(j.Name)).To(Equal("trafficcontroller"))
	})

	It("sends every component's own metrics to the agent on its moved port, as the forwarder it stands for would pass them on", func() {
		data, err := os.ReadFile(filepath.Join("..", "..", "..", "manifests", "local.yml"))
		Expect(err).NotTo(HaveOccurred())
		m, err := topology.ParseManifest(shiftPorts(data, 20000))
		Expect(err).NotTo(HaveOccurred())
		jobs := benchJobs(m.Jobs, true, 2, 20000)
		Expect(short(jobs[0].Name)).To(Equal("router"))
		sent := map[string]any{}
		for _, j := range jobs {
			if j.Binary == "agent" {
				Expect(j.WaitFor).To(Equal("127.0.0.1:23459"))
				Expect(j.Properties).NotTo(HaveKey("metron_endpoint"))
				continue
			}
			sent[short(j.Name)] = j.Properties["metron_endpoint"]
		}
		to := map[string]any{"host": "127.0.0.1", "grpc_port": 23459}
		Expect(sent).To(Equal(map[string]any{"router": to, "router-1": to, "rlp": to, "gateway": to}))
	})

	It("puts extra routers on the moved ports too", func() {
		j := extraRouter(topology.Job{Name: "doppler"}, 2, 20000)
		Expect(j.WaitFor).To(Equal("127.0.0.1:28102"))
	})
})
