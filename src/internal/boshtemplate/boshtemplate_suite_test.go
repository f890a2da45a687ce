package boshtemplate_test

import (
	"os/exec"
	"testing"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
)

func TestBoshtemplate(t *testing.T) {
	RegisterFailHandler(Fail)
	RunSpecs(t, "Boshtemplate Suite")
}

var _ = BeforeSuite(func() {
	_, err := exec.LookPath("ruby")
	Expect(err).NotTo(HaveOccurred(), "ruby is required to render BOSH templates: apt-get install -y ruby")
})
