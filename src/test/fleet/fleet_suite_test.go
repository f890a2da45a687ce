// Package fleet_test runs manifests/loggregator.yml as a fleet of containers
// (three routers over two zones, two log-api VMs, three agent VMs, Docker's
// DNS as BOSH DNS; see tools/fleet and docs/fleet.md) and, with loss probes
// sending through every agent VM and reading through the rlps and gateways
// all the while, restarts every VM one by one the way BOSH does, cuts a
// router off the network and scales the routers, counting what is lost at
// each step. Without Docker it skips, in one line.
//
// The fleet starts from the previous version (tools/versions: the commit
// COMPAT_BASE names, else versions.DefaultBase) and the first spec upgrades
// it to the current one in BOSH's order; FLEET_UPGRADE=off, or a clone
// without that commit, starts it from the current version and skips that
// spec. FLEET_TRAFFIC_SECONDS sets each probe run's length (3 s by default;
// scripts/test uses 2, scripts/bench --fleet 10) and FLEET_AGENTS the number
// of agent VMs (3 by default; scripts/test uses 2, which keeps every step
// and halves nothing but the time); FLEET_REPORT names a file that receives
// the loss per step as a Markdown table (docs/upgrades.md holds one).
package fleet_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"loggregator/tools/fleet"
	"loggregator/tools/versions"
)

func TestFleet(t *testing.T) {
	RegisterFailHandler(Fail)
	RunSpecs(t, "Fleet suite")
}

// prefix names everything the suite creates in Docker; scripts/run-fleet
// uses another, so a fleet someone runs by hand is left alone.
const prefix = "lgtest"

var (
	f       *fleet.Fleet
	current fleet.Version
	// previous is the version the fleet starts from (versions.Base()), or
	// nil when this clone lacks that commit: the fleet then starts current.
	previous *fleet.Version
	// runSeconds is each probe run's length.
	runSeconds = 3
	steps      []stepResult
)

var _ = BeforeSuite(func(ctx SpecContext) {
	if err := fleet.Available(ctx); err != nil {
		// One line in the run's output, then every spec counts as skipped.
		msg := "fleet suite skipped: it needs Docker: " + err.Error()
		fmt.Fprintln(os.Stderr, strings.ReplaceAll(msg, "\n", " "))
		Skip(msg)
	}
	if _, err := exec.LookPath("ruby"); err != nil {
		Fail("the template renderer needs ruby (scripts/test installs it)")
	}
	runSeconds = envInt("FLEET_TRAFFIC_SECONDS", runSeconds)
	// A killed run leaves containers behind; they go first.
	Expect(tolerateStale(fleet.Clean(ctx, prefix))).To(Succeed())
	repo, err := filepath.Abs("../../..")
	Expect(err).NotTo(HaveOccurred())
	work, err := os.MkdirTemp("", "fleet-")
	Expect(err).NotTo(HaveOccurred())
	DeferCleanup(os.RemoveAll, work)

	initBin := filepath.Join(work, "bin", "init")
	Expect(fleet.BuildInit(ctx, filepath.Join(repo, "src"), initBin)).To(Succeed())
	current, err = fleet.Build(ctx, prefix, "current", repo, work, initBin)
	Expect(err).NotTo(HaveOccurred())
	start := current
	if base := versions.Base(); os.Getenv("FLEET_UPGRADE") != "off" && versions.Has(ctx, repo, base) {
		tree := filepath.Join(work, "previous")
		Expect(versions.Checkout(ctx, repo, base, tree)).To(Succeed())
		DeferCleanup(func(ctx context.Context) { Expect(versions.Remove(ctx, repo, tree)).To(Succeed()) })
		v, err := fleet.Build(ctx, prefix, "previous", tree, work, initBin)
		Expect(err).NotTo(HaveOccurred())
		previous, start = &v, v
	}

	m, err := fleet.LoadManifest(filepath.Join(repo, "manifests", "loggregator.yml"), fleet.ManifestVars("loggregator"))
	Expect(err).NotTo(HaveOccurred())
	shape := fleet.DefaultShape()
	shape.Agents = envInt("FLEET_AGENTS", shape.Agents)
	shape.Fast = true
	Expect(m.Reshape(shape)).To(Succeed())
	// A probe run waits up to 30 s for what it sent, longer than agents'
	// keepalive (15 s + 10 s): what an agent wrote into a stream to a router
	// that was then cut off, it re-sends through another router once the
	// keepalive has declared that stream dead. With the job's default 5 s
	// those envelopes arrived after their run had counted them lost (950 and
	// 532 in one run of the partition spec; 0 and 0 with 30 s; see
	// docs/upgrades.md). A run ends as soon as all it sent has arrived.
	m.Set("log-loss-probe", "log_loss_probe.drain_timeout", "30s")
	f, err = fleet.New(ctx, m, fleet.Options{Prefix: prefix, Work: work, Progress: GinkgoWriter})
	Expect(err).NotTo(HaveOccurred())
	f.Place(start)
	Expect(f.Up(ctx)).To(Succeed())
	for _, in := range f.Instances("emitter") {
		Expect(f.WaitListening(ctx, in, 3458)).To(Succeed())
	}
}, NodeTimeout(15*time.Minute))

var _ = AfterSuite(func() {
	if report := os.Getenv("FLEET_REPORT"); report != "" && len(steps) > 0 {
		Expect(os.WriteFile(report, []byte(table(steps)), 0o644)).To(Succeed())
	}
	if len(steps) > 0 {
		fmt.Fprint(GinkgoWriter, table(steps))
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	if fleet.Available(ctx) != nil {
		return // skipped: nothing was created
	}
	if f != nil {
		Expect(tolerateStale(f.Down(ctx))).To(Succeed())
	}
	Expect(tolerateStale(fleet.Clean(ctx, prefix))).To(Succeed())
})

// tolerateStale returns the error of a fleet.Clean (or Down) unless all it
// could not remove is a network the engine keeps with no container on it
// (fleet.ErrStaleNetwork): that is the engine's fault and costs the next
// run only a name and a subnet, so it is reported in the output instead.
func tolerateStale(err error) error {
	if errors.Is(err, fleet.ErrStaleNetwork) {
		fmt.Fprintf(GinkgoWriter, "warning: %v\n", err)
		return nil
	}
	return err
}

// envInt is the positive integer in the environment variable name, or def
// when it is not set.
func envInt(name string, def int) int {
	GinkgoHelper()
	s := os.Getenv(name)
	if s == "" {
		return def
	}
	n, err := strconv.Atoi(s)
	Expect(err).NotTo(HaveOccurred(), name)
	Expect(n).To(BeNumerically(">", 0), name)
	return n
}
