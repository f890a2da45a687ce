package trafficcontroller_test

import (
	"testing"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
)

func TestTrafficController(t *testing.T) {
	RegisterFailHandler(Fail)
	RunSpecs(t, "Traffic controller")
}
