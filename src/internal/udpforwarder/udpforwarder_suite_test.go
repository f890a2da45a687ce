package udpforwarder_test

import (
	"testing"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
)

func TestUDPForwarder(t *testing.T) {
	RegisterFailHandler(Fail)
	RunSpecs(t, "UDP forwarder")
}
