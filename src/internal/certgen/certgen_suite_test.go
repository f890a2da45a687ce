package certgen_test

import (
	"testing"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"loggregator/internal/leakcheck"
)

func TestCertgen(t *testing.T) {
	RegisterFailHandler(Fail)
	RunSpecs(t, "Certgen Suite")
}

var _ = leakcheck.EverySpec()
