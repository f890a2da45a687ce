package command_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
	"github.com/onsi/gomega/gbytes"
	"github.com/onsi/gomega/gexec"

	"loggregator/tools/versions"
)

// fakecmd is testdata/fakecmd built once for the suite: a component with one
// required field ("name") that runs until SIGTERM, or fails when "fail" is true.
var fakecmd string

var _ = BeforeSuite(func() {
	var err error
	fakecmd, err = gexec.BuildWithEnvironment("loggregator/internal/command/testdata/fakecmd", versions.StaticEnv)
	Expect(err).NotTo(HaveOccurred())
	DeferCleanup(gexec.CleanupBuildArtifacts)
})

func writeConfig(doc string) string {
	path := filepath.Join(GinkgoT().TempDir(), "fakecmd.json")
	Expect(os.WriteFile(path, []byte(doc), 0o600)).To(Succeed())
	return path
}

// start runs fakecmd with args and kills it if the spec leaves it running.
func start(args ...string) *gexec.Session {
	session, err := gexec.Start(exec.Command(fakecmd, args...), GinkgoWriter, GinkgoWriter)
	Expect(err).NotTo(HaveOccurred())
	DeferCleanup(func() { session.Kill().Wait() })
	return session
}

// logLines decodes every line of out as a JSON log record.
func logLines(out []byte) []map[string]any {
	var lines []map[string]any
	sc := bufio.NewScanner(bytes.NewReader(out))
	for sc.Scan() {
		var line map[string]any
		Expect(json.Unmarshal(sc.Bytes(), &line)).To(Succeed(), "not a JSON log line: %s", sc.Text())
		lines = append(lines, line)
	}
	return lines
}

var _ = Describe("Main", func() {
	It("exits 2 when --config is missing", func() {
		session := start()
		Eventually(session).Should(gexec.Exit(2))
		Expect(session.Err).To(gbytes.Say("fakecmd: --config is required"))
	})

	It("exits 2 on an unknown flag", func() {
		session := start("--confg", "x.json")
		Eventually(session).Should(gexec.Exit(2))
		Expect(session.Err).To(gbytes.Say("confg"))
	})

	It("exits 2 naming the path of a missing config file", func() {
		path := filepath.Join(GinkgoT().TempDir(), "missing.json")
		session := start("--config", path)
		Eventually(session).Should(gexec.Exit(2))
		Expect(session.Err).To(gbytes.Say(path))
	})

	It("exits 2 naming an unknown field", func() {
		session := start("--config", writeConfig(`{"name": "x", "colour": "y"}`))
		Eventually(session).Should(gexec.Exit(2))
		Expect(session.Err).To(gbytes.Say(`unknown field "colour"`))
	})

	It("exits 2 naming a field that fails validation", func() {
		session := start("--config", writeConfig(`{}`))
		Eventually(session).Should(gexec.Exit(2))
		Expect(session.Err).To(gbytes.Say("name: required"))
		Expect(session.Err).NotTo(gbytes.Say("starting"))
	})

	It("checks a good config with --check-config, says it is valid and does not run", func() {
		path := writeConfig(`{"name": "x"}`)
		session := start("--check-config", "--config", path)
		Eventually(session).Should(gexec.Exit(0))
		Expect(session.Out).To(gbytes.Say("configuration " + path + " is valid"))
		Expect(session.Err.Contents()).To(BeEmpty())
	})

	It("rejects a bad config with --check-config", func() {
		session := start("--check-config", "--config", writeConfig(`{"name": 7}`))
		Eventually(session).Should(gexec.Exit(2))
		Expect(session.Err).To(gbytes.Say(`field "name"`))
	})

	It("runs until SIGTERM, then stops cleanly, exits 0 and logs JSON", func() {
		session := start("--config", writeConfig(`{"name": "x"}`))
		Eventually(session.Err).Should(gbytes.Say(`"msg":"running"`))

		session.Terminate()
		Eventually(session).Should(gexec.Exit(0))

		lines := logLines(session.Err.Contents())
		Expect(lines).To(ContainElement(And(HaveKeyWithValue("msg", "starting"), HaveKeyWithValue("component", "fakecmd"))))
		Expect(lines[len(lines)-1]).To(And(
			HaveKeyWithValue("msg", "stopped"),
			HaveKeyWithValue("level", "INFO"),
			HaveKeyWithValue("component", "fakecmd"),
		))
	})

	It("applies the config's runtime settings before the component runs", func() {
		session := start("--config", writeConfig(`{"name": "x", "max_procs": 1, "memory_limit_mib": 64}`))
		Eventually(session.Err).Should(gbytes.Say(`"msg":"running"`))
		session.Terminate()
		Eventually(session).Should(gexec.Exit(0))

		running := logLines(session.Err.Contents())[1]
		Expect(running).To(And(
			HaveKeyWithValue("gomaxprocs", BeNumerically("==", 1)),
			HaveKeyWithValue("memory_limit", BeNumerically("==", 64<<20)),
			HaveKeyWithValue("gc_percent", BeNumerically("==", 250)), // fakecmd's defaults set it
		))
		Expect(logLines(session.Err.Contents())[0]).To(And(
			HaveKeyWithValue("max_procs", BeNumerically("==", 1)),
			HaveKeyWithValue("memory_limit_mib", BeNumerically("==", 64)),
			HaveKeyWithValue("gc_percent", BeNumerically("==", 250)),
		))
	})

	It("leaves Go's collector target alone without a memory limit", func() {
		session := start("--config", writeConfig(`{"name": "x"}`))
		Eventually(session.Err).Should(gbytes.Say(`"msg":"running"`))
		session.Terminate()
		Eventually(session).Should(gexec.Exit(0))

		lines := logLines(session.Err.Contents())
		Expect(lines[1]).To(HaveKeyWithValue("gc_percent", BeNumerically("==", 100)))
		Expect(lines[0]).NotTo(HaveKey("gc_percent"))
	})

	It("runs an idle component with adaptive_procs on one P", func() {
		session := start("--config", writeConfig(`{"name": "x", "max_procs": 2, "adaptive_procs": true}`))
		Eventually(session.Err, 5*time.Second).Should(gbytes.Say(`"msg":"gomaxprocs adapted to load"`))
		session.Terminate()
		Eventually(session).Should(gexec.Exit(0))

		lines := logLines(session.Err.Contents())
		Expect(lines[0]).To(HaveKeyWithValue("adaptive_procs", true))
		Expect(lines).To(ContainElement(And(
			HaveKeyWithValue("msg", "gomaxprocs adapted to load"),
			HaveKeyWithValue("from", BeNumerically("==", 2)),
			HaveKeyWithValue("to", BeNumerically("==", 1)),
			HaveKeyWithValue("cpu_cores", BeNumerically("<", 0.25)),
		)))
	})

	It("gives every thread the config's timer_slack, keeping the pid and the arguments", func() {
		path := writeConfig(`{"name": "x", "timer_slack": "3ms"}`)
		session := start("--config", path)
		Eventually(session.Err).Should(gbytes.Say(`"msg":"running"`))

		pid := session.Command.Process.Pid
		Expect(slackOf(pid)).To(Equal(int64(3_000_000)), "the main thread, which started every other")
		lines := logLines(session.Err.Contents())
		Expect(lines[1]).To(HaveKeyWithValue("threads_timer_slack_ns", HaveEach(BeNumerically("==", 3_000_000))))
		Expect(lines[0]).To(And(
			HaveKeyWithValue("msg", "starting"),
			HaveKeyWithValue("pid", BeNumerically("==", pid)),
			HaveKeyWithValue("config", path),
			HaveKeyWithValue("timer_slack", "3ms"),
		))
		Expect(lines).To(HaveLen(2), "one start: the re-executed process logs, the first does not")

		session.Terminate()
		Eventually(session).Should(gexec.Exit(0))
	})

	It("leaves the inherited timer slack alone when timer_slack is 0s", func() {
		session := start("--config", writeConfig(`{"name": "x", "timer_slack": "0s"}`))
		Eventually(session.Err).Should(gbytes.Say(`"msg":"running"`))

		inherited := slackOf(os.Getpid())
		Expect(slackOf(session.Command.Process.Pid)).To(Equal(inherited))
		Expect(logLines(session.Err.Contents())[1]).To(HaveKeyWithValue("threads_timer_slack_ns", HaveEach(BeNumerically("==", inherited))))
		session.Terminate()
		Eventually(session).Should(gexec.Exit(0))
	})

	It("rejects a timer_slack out of range", func() {
		for _, slack := range []string{`"-1ms"`, `"51ms"`} {
			session := start("--config", writeConfig(`{"name": "x", "timer_slack": `+slack+`}`))
			Eventually(session).Should(gexec.Exit(2))
			Expect(session.Err).To(gbytes.Say("timer_slack: must be between 0s and 50ms"))
		}
	})

	It("rejects a negative runtime setting", func() {
		session := start("--config", writeConfig(`{"name": "x", "memory_limit_mib": -1}`))
		Eventually(session).Should(gexec.Exit(2))
		Expect(session.Err).To(gbytes.Say("memory_limit_mib: must not be negative"))
	})

	It("stops cleanly on SIGINT too", func() {
		session := start("--config", writeConfig(`{"name": "x"}`))
		Eventually(session.Err).Should(gbytes.Say(`"msg":"running"`))

		session.Signal(syscall.SIGINT)
		Eventually(session).Should(gexec.Exit(0))
		Expect(session.Err).To(gbytes.Say(`"msg":"stopped"`))
	})

	It("exits 1 and logs the error when the component fails", func() {
		session := start("--config", writeConfig(`{"name": "x", "fail": true}`))
		Eventually(session).Should(gexec.Exit(1))

		lines := logLines(session.Err.Contents())
		Expect(lines[len(lines)-1]).To(And(
			HaveKeyWithValue("msg", "stopped with error"),
			HaveKeyWithValue("level", "ERROR"),
			HaveKeyWithValue("error", "told to fail"),
		))
	})
})

// slackOf is the timer slack of pid's main thread, in ns (Linux shows no
// other thread's).
func slackOf(pid int) int64 {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/timerslack_ns", pid))
	Expect(err).NotTo(HaveOccurred())
	n, err := strconv.ParseInt(strings.TrimSpace(string(b)), 10, 64)
	Expect(err).NotTo(HaveOccurred())
	return n
}
