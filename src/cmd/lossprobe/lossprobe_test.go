package main_test

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"syscall"
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
	"github.com/onsi/gomega/gbytes"
	"github.com/onsi/gomega/gexec"

	"loggregator/internal/config"
	"loggregator/internal/lossprobe"
)

var _ = Describe("lossprobe against agent, router and rlp", func() {
	It("gets back everything it sent, reports no loss, the components' cost, and exits 0", func() {
		s := startSystem()
		cfg := s.probeConfig()
		cfg.EnvelopeTypes = []string{"log", "counter", "gauge"}
		cfg.PIDs = s.pids
		session := probe(cfg)

		Expect(session.ExitCode()).To(Equal(0), "%s", session.Out.Contents())
		Expect(session.Out).To(gbytes.Say("PASS"))
		r := report(session)
		Expect(r.Sent).To(BeNumerically(">", 0))
		Expect(r.Received).To(Equal(r.Sent))
		Expect(r.Lost).To(BeZero())
		Expect(r.LossPercent).To(BeZero())
		Expect(r.Duplicates).To(BeZero())
		Expect(r.LatencyMsMax).To(BeNumerically(">", 0))
		Expect(r.Passed).To(BeTrue())
		Expect(r.Processes).To(HaveLen(4))
		Expect(r.Processes).To(HaveKey("lossprobe"))
		for name, p := range r.Processes {
			Expect(p.Error).To(BeEmpty(), name)
			Expect(p.PeakRSSKB).To(BeNumerically(">", 0), name)
		}
	})

	It("sends exactly --count envelopes when the flag overrides the file", func() {
		s := startSystem()
		cfg := s.probeConfig()
		cfg.Duration = 0
		cfg.Count = 1000
		session := probe(cfg, "--count", "777", "--emitters", "3", "--rate", "0")

		Expect(session.ExitCode()).To(Equal(0), "%s", session.Out.Contents())
		r := report(session)
		Expect(r.Sent).To(BeNumerically("==", 777))
		Expect(r.Received).To(BeNumerically("==", 777))
		Expect(r.Emitters).To(Equal(3))
		Expect(r.Rate).To(BeZero())
	})

	DescribeTable("gets back everything it sent through each ingress mode",
		func(mode string, batchSize int) {
			s := startSystem()
			cfg := s.probeConfig()
			cfg.IngressMode, cfg.BatchSize = mode, batchSize
			cfg.Duration, cfg.Count, cfg.Rate = 0, 500, 0
			session := probe(cfg, "--emitters", "2")

			Expect(session.ExitCode()).To(Equal(0), "%s", session.Out.Contents())
			r := report(session)
			Expect(r.Sent).To(BeNumerically("==", 500))
			Expect(r.Received).To(BeNumerically("==", 500))
		},
		Entry("a Sender stream, one envelope per message", "sender", 10),
		Entry("unary Send, one envelope per call", "unary", 1),
		Entry("unary Send, batches of 10", "unary", 10),
	)

	It("sends from an emitter process with emitter_process: everything comes back and that process's cost is reported apart", func() {
		s := startSystem()
		cfg := s.probeConfig()
		cfg.EmitterProcess = true
		cfg.Duration, cfg.Count, cfg.Rate = 0, 900, 0
		cfg.PIDs = s.pids
		session := probe(cfg, "--emitters", "3")

		Expect(session.ExitCode()).To(Equal(0), "%s", session.Out.Contents())
		r := report(session)
		Expect(r.Sent).To(BeNumerically("==", 900))
		Expect(r.Received).To(BeNumerically("==", 900))
		Expect(r.Duplicates).To(BeZero())
		Expect(r.SendUsP99).To(BeNumerically(">", 0))
		Expect(r.Processes).To(HaveKey("lossprobe_emitters"))
		child := r.Processes["lossprobe_emitters"]
		Expect(child.Error).To(BeEmpty())
		Expect(child.PID).NotTo(Equal(r.Processes["lossprobe"].PID))
		Expect(child.PID).NotTo(Equal(session.Command.Process.Pid))
		Expect(child.CPUSeconds).To(BeNumerically(">", 0))
		Expect(child.PeakRSSKB).To(BeNumerically(">", 0))
		// The probe waited for it: nothing of it is left.
		Expect(syscall.Kill(child.PID, 0)).To(MatchError(syscall.ESRCH))
	})

	It("stops its emitter process on SIGTERM and still reports what was sent", func() {
		session := startSending(startSystem())
		time.Sleep(time.Second)
		session.Terminate()
		Eventually(session, 30*time.Second).Should(gexec.Exit())

		r := report(session)
		Expect(r.Sent).To(BeNumerically(">", 0))
		Expect(r.SendSecs).To(BeNumerically("<", 30))
		Expect(r.Received).To(Equal(r.Sent))
	})

	It("leaves no emitter process behind when the probe is killed mid-run", func() {
		session := startSending(startSystem())
		children := childrenOf(session.Command.Process.Pid)
		Expect(children).To(HaveLen(1))

		session.Kill().Wait()
		Eventually(func() bool { return running(children[0]) }, 10*time.Second).Should(BeFalse())
	})

	It("as an emitter process, exits 1 naming what it could not read", func() {
		cmd := exec.Command(bins["lossprobe"], lossprobe.EmitFlag)
		cmd.Stdin = strings.NewReader("not json\n")
		session, err := gexec.Start(cmd, GinkgoWriter, GinkgoWriter)
		Expect(err).NotTo(HaveOccurred())
		Eventually(session).Should(gexec.Exit(1))
		Expect(session.Err).To(gbytes.Say("read job"))
	})

	It("reads the v1 firehose through the traffic controller: everything arrives, and a slow reader beside it loses only its own", func() {
		s := startSystem()
		cfg := s.probeConfig()
		// A second of buffer at 1,000/s: the fast reader rides out the
		// stalls of a race build on a loaded machine (100 lost 8 in CI),
		// and the slow one, reading 50/s, still overflows it.
		cfg.Firehose.URL = s.startTrafficController(500*time.Millisecond, 1000)
		cfg.Firehose.SlowReaderDelay = config.Duration(20 * time.Millisecond)
		cfg.Duration = config.Duration(3 * time.Second)
		session := probe(cfg)

		Expect(session.ExitCode()).To(Equal(0), "%s", session.Out.Contents())
		r := report(session)
		Expect(r.Sent).To(BeNumerically(">", 0))
		Expect(r.Paths).To(HaveKey("firehose"))
		Expect(r.Paths["firehose"].Received).To(Equal(r.Sent))
		Expect(r.Paths["firehose"].Duplicates).To(BeZero())
		Expect(r.Paths["firehose"].LatencyMsMax).To(BeNumerically(">", 0))
		Expect(r.Paths["firehose_slow"].Received).To(BeNumerically(">", 0))
		Expect(r.Paths["firehose_slow"].Lost).To(BeNumerically(">", 0))
	})

	It("reports total loss on the firehose path and exits 1 when the traffic controller's address has nothing behind it", func() {
		s := startSystem()
		cfg := s.probeConfig()
		cfg.Firehose.URL = "ws://" + freeAddr()
		cfg.Duration = config.Duration(500 * time.Millisecond)
		cfg.WarmupTimeout = config.Duration(300 * time.Millisecond)
		cfg.DrainTimeout = config.Duration(300 * time.Millisecond)
		session := probe(cfg)

		Expect(session).To(gexec.Exit(1))
		r := report(session)
		Expect(r.Paths["rlp"].LossPercent).To(BeZero())
		Expect(r.Paths["firehose"].LossPercent).To(BeNumerically("==", 100))
		Expect(session.Err).To(gbytes.Say("loss over threshold"))
	})

	It("reports total loss and exits 1 when the rlp address has nothing behind it", func() {
		s := startSystem()
		cfg := s.probeConfig()
		cfg.Egress.Addr = freeAddr()
		cfg.Duration = config.Duration(500 * time.Millisecond)
		cfg.WarmupTimeout = config.Duration(300 * time.Millisecond)
		cfg.DrainTimeout = config.Duration(300 * time.Millisecond)
		session := probe(cfg)

		Expect(session).To(gexec.Exit(1))
		Expect(session.Out).To(gbytes.Say("FAIL"))
		r := report(session)
		Expect(r.Sent).To(BeNumerically(">", 0))
		Expect(r.Received).To(BeZero())
		Expect(r.LossPercent).To(BeNumerically("==", 100))
		Expect(r.Passed).To(BeFalse())
		Expect(session.Err).To(gbytes.Say("loss over threshold"))
	})

	It("accepts a valid config with --check-config and names the bad field of an invalid one", func() {
		s := startSystem()
		cfg := s.probeConfig()
		Expect(probe(cfg, "--check-config")).To(gexec.Exit(0))

		cfg.EnvelopeTypes = []string{"log", "event"}
		session := probe(cfg, "--check-config")
		Expect(session).To(gexec.Exit(2))
		Expect(session.Err).To(gbytes.Say(`envelope_types\[1\]`))
	})
})

// startSending starts a minute-long probe against s with an emitter
// process, and returns once that process is sending.
func startSending(s *system) *gexec.Session {
	cfg := s.probeConfig()
	cfg.EmitterProcess = true
	cfg.Duration = config.Duration(time.Minute)
	path := writeJSON(GinkgoT().TempDir(), "lossprobe.json", cfg)
	session, err := gexec.Start(exec.Command(bins["lossprobe"], "--config", path), GinkgoWriter, GinkgoWriter)
	Expect(err).NotTo(HaveOccurred())
	DeferCleanup(func() { session.Kill().Wait() })
	Eventually(session.Err).Should(gbytes.Say(`"role":"emitters"`))
	return session
}

// childrenOf lists the processes whose parent is pid.
func childrenOf(pid int) []int {
	var out []int
	dirs, err := os.ReadDir("/proc")
	Expect(err).NotTo(HaveOccurred())
	for _, d := range dirs {
		child, err := strconv.Atoi(d.Name())
		if err != nil {
			continue
		}
		if ppid, _, ok := statOf(child); ok && ppid == pid {
			out = append(out, child)
		}
	}
	return out
}

// running reports whether pid exists and is not a zombie.
func running(pid int) bool {
	_, state, ok := statOf(pid)
	return ok && state != "Z"
}

// statOf reads the parent pid and state of pid from /proc/<pid>/stat.
func statOf(pid int) (ppid int, state string, ok bool) {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return 0, "", false
	}
	// The command name, in parentheses, may hold spaces: fields follow
	// the last ')'.
	rest := strings.Fields(string(data[bytes.LastIndexByte(data, ')')+1:]))
	if len(rest) < 2 {
		return 0, "", false
	}
	ppid, err = strconv.Atoi(rest[1])
	return ppid, rest[0], err == nil
}
