package rlp_test

import (
	"testing"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
)

func TestRLP(t *testing.T) {
	RegisterFailHandler(Fail)
	RunSpecs(t, "Reverse log proxy")
}
