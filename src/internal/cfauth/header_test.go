package cfauth

import (
	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
)

var _ = Describe("bearer", func() {
	It("takes the token with or without the prefix, in any case", func() {
		Expect(bearer("bearer abc")).To(Equal("abc"))
		Expect(bearer("Bearer abc")).To(Equal("abc"))
		Expect(bearer("abc")).To(Equal("abc"))
		Expect(bearer("  ")).To(BeEmpty())
	})
})
