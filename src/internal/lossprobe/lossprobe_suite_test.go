package lossprobe_test

import (
	"testing"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
)

func TestLossprobe(t *testing.T) {
	RegisterFailHandler(Fail)
	RunSpecs(t, "Lossprobe")
}
