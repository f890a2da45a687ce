package envelopetest_test

import (
	"testing"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
)

func TestEnvelopetest(t *testing.T) {
	RegisterFailHandler(Fail)
	RunSpecs(t, "Envelopetest Suite")
}
