package cfauth_test

import (
	"testing"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
)

func TestCfauth(t *testing.T) {
	RegisterFailHandler(Fail)
	RunSpecs(t, "Cfauth")
}
