package routerpool_test

import (
	"testing"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
)

func TestRouterpool(t *testing.T) {
	RegisterFailHandler(Fail)
	RunSpecs(t, "Router pool")
}
