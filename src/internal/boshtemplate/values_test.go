package boshtemplate_test

import (
	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
	"go.yaml.in/yaml/v3"

	"loggregator/internal/boshtemplate"
)

// valuesJob prints two properties with Ruby's JSON, as templates that
// render config files do.
func valuesJob() string {
	return writeJob(map[string]string{
		"spec": `---
name: fixture
templates:
  values.json.erb: config/values.json
properties:
  probe.max_loss_percent:
    default: 0.5
  probe.drains:
    default: []
`,
		"monit":                     "",
		"templates/values.json.erb": `<%= JSON.generate({"loss" => p("probe.max_loss_percent"), "drains" => p("probe.drains")}) %>`,
	})
}

// fromYAML parses a manifest snippet as the topology does.
func fromYAML(doc string) any {
	var n yaml.Node
	Expect(yaml.Unmarshal([]byte(doc), &n)).To(Succeed())
	v, err := boshtemplate.FromYAML(&n)
	Expect(err).NotTo(HaveOccurred())
	return v
}

var _ = Describe("Property values on the way to the renderer", func() {
	It("keep an integral float a float, as the director passes 1.0", func() {
		out, err := render(valuesJob(), boshtemplate.Context{Properties: map[string]any{
			"probe": map[string]any{"max_loss_percent": 1.0},
		}})
		Expect(err).NotTo(HaveOccurred())
		Expect(read(out, "config/values.json")).To(Equal(`{"loss":1.0,"drains":[]}`))
	})

	It("keep the manifest order of the keys of hashes inside arrays", func() {
		props := fromYAML(`
probe:
  max_loss_percent: 2
  drains:
  - url: syslog-tls://b.example.com:6514
    name: second
    ca: b-ca
  - name: first
    url: https://a.example.com/drain
`)
		out, err := render(valuesJob(), boshtemplate.Context{Properties: props.(boshtemplate.Map).ToMap()})
		Expect(err).NotTo(HaveOccurred())
		Expect(read(out, "config/values.json")).To(Equal(`{"loss":2,"drains":[` +
			`{"url":"syslog-tls://b.example.com:6514","name":"second","ca":"b-ca"},` +
			`{"name":"first","url":"https://a.example.com/drain"}]}`))
	})

	It("reads YAML floats, integers, booleans and nulls as their types", func() {
		Expect(fromYAML("a: 1.0\nb: 1\nc: true\nd: ~\ne: text\n")).To(Equal(boshtemplate.Map{
			{Key: "a", Value: 1.0}, {Key: "b", Value: 1}, {Key: "c", Value: true},
			{Key: "d", Value: nil}, {Key: "e", Value: "text"},
		}))
	})

	It("refuses a value JSON cannot carry, naming the property", func() {
		_, err := render(valuesJob(), boshtemplate.Context{Properties: map[string]any{
			"probe": map[string]any{"max_loss_percent": fromYAML(".nan")},
		}})
		Expect(err).To(MatchError(ContainSubstring("probe: max_loss_percent")))
	})
})
