package boshtemplate_test

import (
	"os"
	"path/filepath"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"loggregator/internal/boshtemplate"
	"loggregator/internal/leakcheck"
)

var _ = leakcheck.EverySpec()

// fixtureSpec declares nested properties with and without defaults, a
// required link, an optional link, and two templates plus monit.
const fixtureSpec = `---
name: fixture
templates:
  config.json.erb: config/fixture.json
  bpm.yml.erb: config/bpm.yml
  links.txt.erb: config/links.txt
consumes:
- name: doppler
  type: doppler
- name: log-cache
  type: log-cache
  optional: true
properties:
  doppler.grpc_port:
    description: "Port for gRPC ingress"
    default: 8082
  doppler.tags:
    description: "Tags, a hash default"
    default:
      zone: z9
      app: fixture
  doppler.enabled:
    default: false
  loggregator.tls.ca_cert:
    description: "CA certificate, no default"
  fixture.legacy_port:
    description: "Older name for the port"
  fixture.name:
    default: "fixture-default"
`

const fixtureMonit = `check process fixture
  with pidfile /var/vcap/sys/run/bpm/<%= name %>/fixture.pid
  start program "/var/vcap/jobs/bpm/bin/bpm start fixture"
  group vcap
`

const fixtureConfig = `<%-
  config = {
    "port" => p(["fixture.legacy_port", "doppler.grpc_port"]),
    "tags" => p("doppler.tags"),
    "enabled" => p("doppler.enabled"),
    "fallback" => p("fixture.missing", "fallback"),
  }
  if_p("loggregator.tls.ca_cert") do |ca|
    config["ca"] = ca
  end.else do
    config["ca"] = nil
  end
-%>
<%= JSON.pretty_generate(config) %>
`

const fixtureBPM = `processes:
- name: <%= p("fixture.name") %>
  args:
<% [1, 2].each do |n| -%>
  - --n=<%= n %>
<% end -%>
<% if_p("fixture.legacy_port", "loggregator.tls.ca_cert") do |port, _| -%>
  - --legacy=<%= port %>
<% end.else_if_p("doppler.grpc_port") do |port| -%>
  - --port=<%= port %>
<% end -%>
  env:
    NAME: <%= name %>
    INDEX: "<%= index %>"
    ID: <%= spec.id %>
    AZ: <%= spec.az %>
    IP: <%= spec.ip %>
    ADDRESS: <%= spec.address %>
    DEPLOYMENT: <%= spec.deployment %>
    BOOTSTRAP: "<%= spec.bootstrap %>"
    JOB: <%= spec.job.name %>
    NETWORK_IP: <%= spec.networks.default.ip %>
`

const fixtureLinks = `<%- doppler = link("doppler") -%>
routers: <%= doppler.instances.map { |i| "#{i.name}/#{i.id}@#{i.address}" }.join(",") %>
<% doppler.instances.each do |i| -%>
- index=<%= i.index %> az=<%= i.az %> bootstrap=<%= i.bootstrap %>
<% end -%>
router port: <%= doppler.p("doppler.grpc_port") %>
router list port: <%= doppler.p(["doppler.nope", "doppler.grpc_port"]) %>
router default: <%= doppler.p("doppler.nope", 7) %>
<% doppler.if_p("doppler.nope") do |v| -%>
never <%= v %>
<% end.else do -%>
router has no doppler.nope
<% end -%>
address: <%= doppler.address %>
<% if_link("log-cache") do |lc| -%>
log-cache: <%= lc.instances.map(&:address).join(",") %> port <%= lc.p("port") %>
<% end.else do -%>
no log-cache
<% end -%>
`

func writeJob(files map[string]string) string {
	dir := filepath.Join(GinkgoT().TempDir(), "jobs", "fixture")
	for name, contents := range files {
		path := filepath.Join(dir, name)
		Expect(os.MkdirAll(filepath.Dir(path), 0o755)).To(Succeed())
		Expect(os.WriteFile(path, []byte(contents), 0o644)).To(Succeed())
	}
	return dir
}

func fixtureJob(overrides map[string]string) string {
	files := map[string]string{
		"spec":                      fixtureSpec,
		"monit":                     fixtureMonit,
		"templates/config.json.erb": fixtureConfig,
		"templates/bpm.yml.erb":     fixtureBPM,
		"templates/links.txt.erb":   fixtureLinks,
	}
	for name, contents := range overrides {
		files[name] = contents
	}
	return writeJob(files)
}

func dopplerLink() boshtemplate.Link {
	return boshtemplate.Link{
		Properties: map[string]any{"doppler": map[string]any{"grpc_port": 9000}},
		Instances: []boshtemplate.LinkInstance{
			{Name: "doppler", ID: "aaa", Index: 0, AZ: "z1", Address: "10.0.0.1", Bootstrap: true},
			{Name: "doppler", ID: "bbb", Index: 1, AZ: "z2", Address: "10.0.0.2"},
		},
		Address: "q-s0.doppler.default.loggregator.bosh",
	}
}

func index(i int) *int { return &i }

func flag(b bool) *bool { return &b }

func render(jobDir string, ctx boshtemplate.Context) (string, error) {
	out := GinkgoT().TempDir()
	return out, boshtemplate.Render(jobDir, ctx, out)
}

func read(dir, name string) string {
	b, err := os.ReadFile(filepath.Join(dir, name))
	Expect(err).NotTo(HaveOccurred())
	return string(b)
}

var _ = Describe("Render", func() {
	It("renders spec defaults where the manifest sets nothing", func() {
		out, err := render(fixtureJob(nil), boshtemplate.Context{
			Links: map[string]boshtemplate.Link{"doppler": dopplerLink()},
		})
		Expect(err).NotTo(HaveOccurred())

		Expect(read(out, "config/fixture.json")).To(Equal(`{
  "port": 8082,
  "tags": {
    "app": "fixture",
    "zone": "z9"
  },
  "enabled": false,
  "fallback": "fallback",
  "ca": null
}
`))
		Expect(read(out, "config/bpm.yml")).To(Equal(`processes:
- name: fixture-default
  args:
  - --n=1
  - --n=2
  - --port=8082
  env:
    NAME: fixture
    INDEX: "0"
    ID: 00000000-0000-0000-0000-000000000000
    AZ: z1
    IP: 127.0.0.1
    ADDRESS: 127.0.0.1
    DEPLOYMENT: local
    BOOTSTRAP: "true"
    JOB: fixture
    NETWORK_IP: 127.0.0.1
`))
	})

	It("prefers manifest values, nested under their dotted names, over defaults", func() {
		out, err := render(fixtureJob(nil), boshtemplate.Context{
			Properties: map[string]any{
				"doppler": map[string]any{
					"grpc_port": 9999,
					"tags":      map[string]any{"b": "2", "a": "1"},
					"enabled":   true,
				},
				"loggregator": map[string]any{"tls": map[string]any{"ca_cert": "CA PEM"}},
				"fixture":     map[string]any{"legacy_port": 1234, "name": "manifest-name"},
			},
			Links: map[string]boshtemplate.Link{"doppler": dopplerLink()},
		})
		Expect(err).NotTo(HaveOccurred())

		Expect(read(out, "config/fixture.json")).To(Equal(`{
  "port": 1234,
  "tags": {
    "a": "1",
    "b": "2"
  },
  "enabled": true,
  "fallback": "fallback",
  "ca": "CA PEM"
}
`))
		Expect(read(out, "config/bpm.yml")).To(ContainSubstring("- name: manifest-name\n  args:\n  - --n=1\n  - --n=2\n  - --legacy=1234\n  env:\n"))
	})

	It("renders the spec the instance was given", func() {
		out, err := render(fixtureJob(nil), boshtemplate.Context{
			Links: map[string]boshtemplate.Link{"doppler": dopplerLink()},
			Spec: boshtemplate.Spec{
				Name: "router", ID: "1234-abcd", Index: index(3), AZ: "z2", IP: "10.1.2.3",
				Address: "1234-abcd.router.default.loggregator.bosh", Deployment: "loggregator", Bootstrap: flag(false),
				Networks: map[string]any{"default": map[string]any{"ip": "10.1.2.3", "default": []string{"dns", "gateway"}}},
			},
		})
		Expect(err).NotTo(HaveOccurred())

		Expect(read(out, "config/bpm.yml")).To(HaveSuffix(`  env:
    NAME: router
    INDEX: "3"
    ID: 1234-abcd
    AZ: z2
    IP: 10.1.2.3
    ADDRESS: 1234-abcd.router.default.loggregator.bosh
    DEPLOYMENT: loggregator
    BOOTSTRAP: "false"
    JOB: router
    NETWORK_IP: 10.1.2.3
`))
		Expect(read(out, "monit")).To(ContainSubstring("/var/vcap/sys/run/bpm/router/fixture.pid"))
	})

	It("renders the monit file beside the templates", func() {
		out, err := render(fixtureJob(nil), boshtemplate.Context{
			Links: map[string]boshtemplate.Link{"doppler": dopplerLink()},
		})
		Expect(err).NotTo(HaveOccurred())

		Expect(read(out, "monit")).To(Equal(`check process fixture
  with pidfile /var/vcap/sys/run/bpm/fixture/fixture.pid
  start program "/var/vcap/jobs/bpm/bin/bpm start fixture"
  group vcap
`))
	})

	It("renders consumed links and sends an absent optional link to else", func() {
		out, err := render(fixtureJob(nil), boshtemplate.Context{
			Links: map[string]boshtemplate.Link{"doppler": dopplerLink()},
		})
		Expect(err).NotTo(HaveOccurred())

		Expect(read(out, "config/links.txt")).To(Equal(`routers: doppler/aaa@10.0.0.1,doppler/bbb@10.0.0.2
- index=0 az=z1 bootstrap=true
- index=1 az=z2 bootstrap=false
router port: 9000
router list port: 9000
router default: 7
router has no doppler.nope
address: q-s0.doppler.default.loggregator.bosh
no log-cache
`))
	})

	It("yields a provided optional link to if_link", func() {
		out, err := render(fixtureJob(nil), boshtemplate.Context{
			Links: map[string]boshtemplate.Link{
				"doppler": dopplerLink(),
				"log-cache": {
					Properties: map[string]any{"port": 8080},
					Instances:  []boshtemplate.LinkInstance{{Address: "10.0.1.1"}, {Address: "10.0.1.2"}},
				},
			},
		})
		Expect(err).NotTo(HaveOccurred())

		Expect(read(out, "config/links.txt")).To(HaveSuffix("log-cache: 10.0.1.1,10.0.1.2 port 8080\n"))
	})

	It("keeps manifest properties the spec does not declare invisible", func() {
		job := fixtureJob(map[string]string{
			"templates/bpm.yml.erb": `<%= p("undeclared", "invisible") %> <%= p("doppler.undeclared", "invisible") %> <%= properties.respond_to?(:undeclared) %>` + "\n",
		})
		out, err := render(job, boshtemplate.Context{
			Properties: map[string]any{
				"undeclared": "visible",
				"doppler":    map[string]any{"undeclared": "visible"},
			},
			Links: map[string]boshtemplate.Link{"doppler": dopplerLink()},
		})
		Expect(err).NotTo(HaveOccurred())

		Expect(read(out, "config/bpm.yml")).To(Equal("invisible invisible false\n"))
	})

	It("fails on a missing property, naming the job, template and line", func() {
		job := fixtureJob(map[string]string{
			"templates/bpm.yml.erb": "first line\n<%= p(\"loggregator.tls.ca_cert\") %>\n",
		})
		_, err := render(job, boshtemplate.Context{Links: map[string]boshtemplate.Link{"doppler": dopplerLink()}})

		Expect(err).To(MatchError(`render job ` + job + `: Unable to render templates for job 'fixture'. Errors are: ` +
			`- Error filling in template 'bpm.yml.erb' (line 2: Can't find property '["loggregator.tls.ca_cert"]')`))
	})

	It("fails on a missing property list with the list in the message", func() {
		job := fixtureJob(map[string]string{
			"templates/bpm.yml.erb": `<%= p(["fixture.legacy_port", "loggregator.tls.ca_cert"]) %>`,
		})
		_, err := render(job, boshtemplate.Context{Links: map[string]boshtemplate.Link{"doppler": dopplerLink()}})

		Expect(err).To(MatchError(ContainSubstring(
			`Error filling in template 'bpm.yml.erb' (line 1: Can't find property '["fixture.legacy_port", "loggregator.tls.ca_cert"]')`)))
	})

	It("fails on a link the spec does not consume", func() {
		job := fixtureJob(map[string]string{
			"templates/bpm.yml.erb": "<%# comment %>\n\n<%= link(\"uaa\").address %>\n",
		})
		_, err := render(job, boshtemplate.Context{Links: map[string]boshtemplate.Link{
			"doppler": dopplerLink(),
			"uaa":     {Address: "uaa.service.cf.internal"},
		}})

		Expect(err).To(MatchError(`render job ` + job + `: Unable to render templates for job 'fixture'. Errors are: ` +
			`- Error filling in template 'bpm.yml.erb' (line 3: Can't find link 'uaa')`))
	})

	It("fails on link() for an optional link that was not provided", func() {
		job := fixtureJob(map[string]string{"templates/bpm.yml.erb": `<%= link("log-cache").instances.size %>`})
		_, err := render(job, boshtemplate.Context{Links: map[string]boshtemplate.Link{"doppler": dopplerLink()}})

		Expect(err).To(MatchError(ContainSubstring(`Error filling in template 'bpm.yml.erb' (line 1: Can't find link 'log-cache')`)))
	})

	It("fails when a required link is not provided, as a deploy does", func() {
		_, err := render(fixtureJob(nil), boshtemplate.Context{})

		Expect(err).To(MatchError(ContainSubstring(`Failed to resolve link 'doppler' with type 'doppler' from job 'fixture' ` +
			`in instance group 'fixture'. Details below: - No link providers found`)))
	})

	It("reports every failing template of the job and the Ruby error of each", func() {
		job := fixtureJob(map[string]string{
			"templates/config.json.erb": "ok\n<%- port = 0 -%>\n<%= raise ArgumentError, \"bad port #{port}\" %>\n",
			"templates/bpm.yml.erb":     `<%= p("nope") %>`,
		})
		_, err := render(job, boshtemplate.Context{Links: map[string]boshtemplate.Link{"doppler": dopplerLink()}})

		Expect(err).To(MatchError(ContainSubstring(`Unable to render templates for job 'fixture'. Errors are: ` +
			`- Error filling in template 'config.json.erb' (line 3: bad port 0) ` +
			`- Error filling in template 'bpm.yml.erb' (line 1: Can't find property '["nope"]')`)))
	})

	It("fails on an error in the monit file, naming it and the line", func() {
		job := fixtureJob(map[string]string{"monit": "check process fixture\n  <%= p(\"nope\") %>\n"})
		_, err := render(job, boshtemplate.Context{Links: map[string]boshtemplate.Link{"doppler": dopplerLink()}})

		Expect(err).To(MatchError(ContainSubstring(`Error filling in template 'monit' (line 2: Can't find property '["nope"]')`)))
	})

	It("gives each template unchanged properties even after an earlier one changed them", func() {
		job := fixtureJob(map[string]string{
			"templates/config.json.erb": `<% p("doppler.tags")["added"] = "by config" %><%= p("doppler.tags").keys.join(",") %>`,
			"templates/bpm.yml.erb":     `<%= p("doppler.tags").keys.join(",") %>`,
		})
		out, err := render(job, boshtemplate.Context{Links: map[string]boshtemplate.Link{"doppler": dopplerLink()}})
		Expect(err).NotTo(HaveOccurred())

		Expect(read(out, "config/fixture.json")).To(Equal("app,zone,added"))
		Expect(read(out, "config/bpm.yml")).To(Equal("app,zone"))
	})

	It("fails when a dotted property crosses a value that is not a hash", func() {
		_, err := render(fixtureJob(nil), boshtemplate.Context{
			Properties: map[string]any{"doppler": "not a hash"},
			Links:      map[string]boshtemplate.Link{"doppler": dopplerLink()},
		})

		Expect(err).To(MatchError(ContainSubstring(`Property 'doppler.grpc_port' expects a hash, but received 'String'`)))
	})
})

var _ = Describe("RepoRoot", func() {
	It("finds the directory holding the renderer", func() {
		root, err := boshtemplate.RepoRoot()
		Expect(err).NotTo(HaveOccurred())
		Expect(filepath.Join(root, "scripts", "bosh-template", "render.rb")).To(BeAnExistingFile())
	})
})
