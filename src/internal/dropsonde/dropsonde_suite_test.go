package dropsonde_test

import (
	"testing"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
)

func TestDropsonde(t *testing.T) {
	RegisterFailHandler(Fail)
	RunSpecs(t, "Dropsonde Suite")
}
