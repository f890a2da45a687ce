// Package leakcheck fails every spec of a Ginkgo suite that leaves a
// goroutine behind. A suite opts in with one line at the top level of a test
// file:
//
//	var _ = leakcheck.EverySpec()
//
// Called inside a container instead, it covers that container's specs (for
// a container whose specs use a client that never closes its connection,
// such as go-loggregator's IngressClient, leave it out there).
//
// Each spec records the goroutines running before it; after its cleanups
// (DeferCleanup, AfterEach) have run, every goroutine it started must end
// within Timeout. Goroutines a suite starts once in BeforeSuite are running
// before every spec and so are never reported.
package leakcheck

import (
	"time"

	. "github.com/onsi/ginkgo/v2" //nolint:revive // Ginkgo's DSL reads as sentences
	. "github.com/onsi/gomega"    //nolint:revive // likewise Gomega's
	"github.com/onsi/gomega/gleak"
)

// Timeout is how long a spec's goroutines have to end after its cleanups.
// Servers stopping, gRPC transports closing and timers firing take some
// milliseconds under -race on a loaded machine.
var Timeout = 5 * time.Second

// EverySpec registers the check for every spec of the suite. It returns
// true so that it can be called in a package-level var declaration.
func EverySpec() bool {
	return BeforeEach(func() {
		before := gleak.Goroutines()
		DeferCleanup(func() {
			Eventually(gleak.Goroutines, Timeout).ShouldNot(gleak.HaveLeaked(before))
		})
	})
}
