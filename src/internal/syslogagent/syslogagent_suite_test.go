package syslogagent_test

import (
	"testing"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"loggregator/internal/leakcheck"
)

var _ = leakcheck.EverySpec()

func TestSyslogAgent(t *testing.T) {
	RegisterFailHandler(Fail)
	RunSpecs(t, "Syslog agent")
}
