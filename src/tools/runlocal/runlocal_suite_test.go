package main

import (
	"testing"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"loggregator/internal/leakcheck"
)

func TestRunLocal(t *testing.T) {
	RegisterFailHandler(Fail)
	RunSpecs(t, "run-local suite")
}

var _ = leakcheck.EverySpec()
