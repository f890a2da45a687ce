package bindingcache_test

import (
	"testing"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
)

func TestBindingcache(t *testing.T) {
	RegisterFailHandler(Fail)
	RunSpecs(t, "Bindingcache")
}
