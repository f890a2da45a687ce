package promscraper_test

import (
	"testing"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"loggregator/internal/leakcheck"
)

func TestPromScraper(t *testing.T) {
	RegisterFailHandler(Fail)
	RunSpecs(t, "Prom scraper Suite")
}

var _ = leakcheck.EverySpec()
