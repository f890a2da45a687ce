package release_test

import (
	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
)

var _ = DescribeTable("Package spec globs match like the bosh CLI's",
	func(pattern, name string, want bool) {
		Expect(matchGlob(pattern, name)).To(Equal(want))
	},
	Entry("a plain path matches itself", "go.mod", "go.mod", true),
	Entry("** spans directories", "cmd/**/*", "cmd/agent/main.go", true),
	Entry("** spans no directory at all", "cmd/**/*", "cmd/doc.go", true),
	Entry("** leaves the directory itself out", "cmd/**/*", "cmd", false),
	Entry("* stays inside one directory", "cmd/*", "cmd/agent/main.go", false),
	Entry("* matches dot files", "vendor/**/*", "vendor/x/.gitattributes", true),
	Entry("a leading ** matches at any depth", "**/*_test.go", "internal/diode/ring_test.go", true),
	Entry("a leading ** matches at the top", "**/*_test.go", "x_test.go", true),
	Entry("** in the middle needs what follows", "**/testdata/**/*", "internal/a/testdata/f.txt", true),
	Entry("** in the middle does not match elsewhere", "**/testdata/**/*", "internal/a/data/f.txt", false),
	Entry("globs in a segment work", "golang/go*.linux-amd64.tar.gz", "golang/go1.26.8.linux-amd64.tar.gz", true),
)
