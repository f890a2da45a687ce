package diode_test

import (
	"testing"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
)

func TestDiode(t *testing.T) {
	RegisterFailHandler(Fail)
	RunSpecs(t, "Diode Suite")
}
