package lossprobe_test

import (
	"testing"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"loggregator/internal/leakcheck"
)

func TestLossprobe(t *testing.T) {
	RegisterFailHandler(Fail)
	RunSpecs(t, "Lossprobe")
}

var _ = leakcheck.EverySpec()
