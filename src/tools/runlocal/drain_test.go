package main

import (
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"path/filepath"
	"strings"
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"loggregator/tools/topology"
)

// frame is msg as a syslog agent writes it to a syslog:// drain.
func frame(msg string) string { return fmt.Sprintf("%d %s", len(msg), msg) }

const sample = "<14>1 2026-11-30T09:00:00.000001+00:00 - sample-emitter [APP/0] - - hello %d\n"

var _ = Describe("The local syslog drain", func() {
	var (
		r       *drainReceiver
		logPath string
	)
	BeforeEach(func() {
		logPath = filepath.Join(GinkgoT().TempDir(), "drain.log")
		var err error
		r, err = startDrainReceiver("127.0.0.1:0", logPath, slog.New(slog.NewTextHandler(GinkgoWriter, nil)))
		Expect(err).NotTo(HaveOccurred())
		DeferCleanup(r.Close)
	})
	dial := func() net.Conn {
		c, err := net.Dial("tcp", r.ln.Addr().String())
		Expect(err).NotTo(HaveOccurred())
		DeferCleanup(c.Close)
		return c
	}

	It("reads octet-counted RFC 5424 messages however the writes split them, and logs each on its own line", func() {
		c := dial()
		two := frame(fmt.Sprintf(sample, 1)) + frame(fmt.Sprintf(sample, 2))
		third := frame(fmt.Sprintf(sample, 3))
		for _, part := range []string{two, third[:2], third[2:20], third[20:]} {
			_, err := io.WriteString(c, part)
			Expect(err).NotTo(HaveOccurred())
		}
		for i := 1; i <= 3; i++ {
			Eventually(r.Lines).Should(Receive(Equal(strings.TrimSuffix(fmt.Sprintf(sample, i), "\n"))))
		}
		Eventually(func() (string, error) { b, err := os.ReadFile(logPath); return string(b), err }).
			Should(Equal(fmt.Sprintf(sample, 1) + fmt.Sprintf(sample, 2) + fmt.Sprintf(sample, 3)))
	})

	It("marks a message that is not RFC 5424 rather than hiding it", func() {
		_, err := io.WriteString(dial(), frame("just text"))
		Expect(err).NotTo(HaveOccurred())
		Eventually(r.Lines).Should(Receive(HavePrefix("just text  (not RFC 5424: ")))
	})

	It("ends a connection that does not send frames, and keeps serving the others", func() {
		bad := dial()
		_, err := io.WriteString(bad, "hello there\n")
		Expect(err).NotTo(HaveOccurred())
		Expect(bad.SetReadDeadline(time.Now().Add(5 * time.Second))).To(Succeed())
		_, err = bad.Read(make([]byte, 1))
		Expect(err).To(MatchError(io.EOF), "the receiver closed the connection")

		_, err = io.WriteString(dial(), frame(fmt.Sprintf(sample, 7)))
		Expect(err).NotTo(HaveOccurred())
		Eventually(r.Lines).Should(Receive(HaveSuffix("hello 7")))
	})

	It("counts the messages the demo has no room for instead of holding up the drain", func() {
		c := dial()
		var all strings.Builder
		for i := range 300 {
			all.WriteString(frame(fmt.Sprintf(sample, i)))
		}
		_, err := io.WriteString(c, all.String())
		Expect(err).NotTo(HaveOccurred())
		Eventually(r.Dropped.Load).Should(BeEquivalentTo(300 - cap(r.Lines)))
		Eventually(func() (int, error) {
			b, err := os.ReadFile(logPath)
			return strings.Count(string(b), "\n"), err
		}).Should(Equal(300), "every message is logged")
	})

	It("stops with connections still open", func() {
		dial()
		Eventually(func() int { r.mu.Lock(); defer r.mu.Unlock(); return len(r.conns) }).Should(Equal(1))
		r.Close()
		_, err := net.Dial("tcp", r.ln.Addr().String())
		Expect(err).To(HaveOccurred())
	})
})

var _ = Describe("manifests/local.yml", func() {
	It("names the syslog agent's aggregate drain that run-local receives", func() {
		m, err := topology.LoadManifest("../../../manifests/local.yml")
		Expect(err).NotTo(HaveOccurred())
		Expect(drainAddr(m)).To(Equal("127.0.0.1:5140"))
	})

	It("has no local drain when the syslog agent drains elsewhere", func() {
		m := &topology.Manifest{Jobs: []topology.Job{{Name: "loggr-syslog-agent", Properties: topology.Properties{
			"aggregate_drains": "syslog-tls://logs.example.com:6514, syslog://10.0.0.1:514",
		}}}}
		Expect(drainAddr(m)).To(BeEmpty())
	})
})
