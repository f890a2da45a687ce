package release_test

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
)

// externalLinkTypes are link types a job may consume without marking them optional although
// no job of this release provides them, because Cloud Foundry deployments always carry the
// release that does. Our jobs consume them under the same names as the jobs they replace.
var externalLinkTypes = map[string]string{
	"cloud_controller": "cloud_controller_ng of capi-release",
}

// job is a job directory with its parsed spec.
type job struct {
	name string
	dir  string
	spec jobSpec
}

// loadJobs parses every jobs/*/spec; a spec that does not parse is a problem, and the job
// is left out of the result.
func loadJobs() (jobs []job, problems []string) {
	for _, name := range subdirs(filepath.Join(releaseDir, "jobs")) {
		dir := filepath.Join(releaseDir, "jobs", name)
		var spec jobSpec
		if err := decodeStrict(filepath.Join(dir, "spec"), &spec); err != nil {
			problems = append(problems, fmt.Sprintf("job %s: %v", name, err))
			continue
		}
		jobs = append(jobs, job{name: name, dir: dir, spec: spec})
	}
	return jobs, problems
}

// templateDestinations is the set of paths a job renders under /var/vcap/jobs/<job>.
func (j job) templateDestinations() map[string]bool {
	dests := map[string]bool{}
	for _, dest := range j.spec.Templates {
		dests[dest] = true
	}
	return dests
}

var (
	// p("a.b"), p('a.b', default), if_p("a.b", "c.d") — but not link("x").p("a.b").
	propertyUse = regexp.MustCompile(`(?:^|[^.\w])(?:if_)?p\(\s*(\[[^\]]*\]|["'][^"']+["'](?:\s*,\s*["'][^"']+["'])*)`)
	quoted      = regexp.MustCompile(`["']([^"']+)["']`)
	linkUse     = regexp.MustCompile(`(?:^|[^.\w])(?:if_)?link\(\s*["']([^"']+)["']`)

	erbControl = regexp.MustCompile(`(?s)<%[^=].*?-?%>`)
	monitCheck = regexp.MustCompile(`(?m)^\s*check\s+(\S+)\s+(\S+)`)
	pidfile    = regexp.MustCompile(`with\s+pidfile\s+(\S+)`)
	startLine  = regexp.MustCompile(`start\s+program\s+"([^"]+)"`)
	stopLine   = regexp.MustCompile(`stop\s+program\s+"([^"]+)"`)
	groupVcap  = regexp.MustCompile(`(?m)^\s*group\s+vcap\s*$`)
	bpmCommand = regexp.MustCompile(`^/var/vcap/jobs/bpm/bin/bpm (start|stop) (\S+)(?: -p (\S+))?$`)
)

var _ = Describe("Job specs", func() {
	var (
		jobs     []job
		problems []string
	)

	BeforeEach(func() {
		jobs, problems = loadJobs()
	})

	It("parse with only the keys BOSH reads and are named after their directory", func() {
		for _, j := range jobs {
			if j.spec.Name != j.name {
				problems = append(problems, fmt.Sprintf("job %s: spec name is %q", j.name, j.spec.Name))
			}
		}
		Expect(problems).To(BeEmpty())
	})

	It("name templates that exist, render each to its own path, and leave no template unnamed", func() {
		for _, j := range jobs {
			dir := filepath.Join(j.dir, "templates")
			present, err := filesUnder(dir)
			Expect(err).NotTo(HaveOccurred())
			named := map[string]bool{}
			renderedBy := map[string]string{}
			for _, source := range sortedKeys(j.spec.Templates) {
				dest := j.spec.Templates[source]
				named[source] = true
				if _, err := os.Stat(filepath.Join(dir, filepath.FromSlash(source))); err != nil {
					problems = append(problems, fmt.Sprintf("job %s: template %s is not in templates/", j.name, source))
				}
				if other, ok := renderedBy[dest]; ok {
					problems = append(problems, fmt.Sprintf("job %s: templates %s and %s both render %s", j.name, other, source, dest))
				}
				renderedBy[dest] = source
			}
			for _, f := range present {
				if !named[f] {
					problems = append(problems, fmt.Sprintf("job %s: templates/%s is not named in the spec", j.name, f))
				}
			}
		}
		Expect(problems).To(BeEmpty())
	})

	It("list only packages of the release, among them loggregator", func() {
		for _, j := range jobs {
			if !slices.Contains(j.spec.Packages, "loggregator") {
				problems = append(problems, fmt.Sprintf("job %s: packages does not list loggregator", j.name))
			}
			for _, p := range j.spec.Packages {
				if _, err := os.Stat(filepath.Join(releaseDir, "packages", p, "spec")); err != nil {
					problems = append(problems, fmt.Sprintf("job %s: package %s does not exist", j.name, p))
				}
			}
		}
		Expect(problems).To(BeEmpty())
	})

	It("describe every property", func() {
		for _, j := range jobs {
			for _, name := range sortedKeys(j.spec.Properties) {
				if p := j.spec.Properties[name]; p == nil || strings.TrimSpace(p.Description) == "" {
					problems = append(problems, fmt.Sprintf("job %s: property %s has no description", j.name, name))
				}
			}
		}
		Expect(problems).To(BeEmpty())
	})

	It("declare every property and link their templates read", func() {
		for _, j := range jobs {
			consumed := map[string]bool{}
			for _, l := range j.spec.Consumes {
				consumed[l.Name] = true
			}
			for _, source := range sortedKeys(j.spec.Templates) {
				data, err := os.ReadFile(filepath.Join(j.dir, "templates", filepath.FromSlash(source)))
				if err != nil {
					continue // reported by the template spec above
				}
				for _, m := range propertyUse.FindAllStringSubmatch(string(data), -1) {
					for _, q := range quoted.FindAllStringSubmatch(m[1], -1) {
						if _, ok := j.spec.Properties[q[1]]; !ok {
							problems = append(problems, fmt.Sprintf("job %s: template %s reads undeclared property %s", j.name, source, q[1]))
						}
					}
				}
				for _, m := range linkUse.FindAllStringSubmatch(string(data), -1) {
					if !consumed[m[1]] {
						problems = append(problems, fmt.Sprintf("job %s: template %s reads link %s, which the spec does not consume", j.name, source, m[1]))
					}
				}
			}
		}
		Expect(problems).To(BeEmpty())
	})

	It("run every process under bpm from monit, or are errands with bin/run", func() {
		for _, j := range jobs {
			problems = append(problems, checkMonit(j)...)
		}
		Expect(problems).To(BeEmpty())
	})

	It("consume only links that some job of the release provides, unless optional", func() {
		provided := map[string]bool{}
		for _, j := range jobs {
			for _, l := range j.spec.Provides {
				provided[l.Type] = true
			}
		}
		for _, j := range jobs {
			names := map[string]bool{}
			for _, l := range j.spec.Consumes {
				if l.Name == "" || l.Type == "" {
					problems = append(problems, fmt.Sprintf("job %s: a consumed link needs a name and a type: %+v", j.name, l))
				}
				if names[l.Name] {
					problems = append(problems, fmt.Sprintf("job %s: consumes %s twice", j.name, l.Name))
				}
				names[l.Name] = true
				if len(l.Properties) > 0 {
					problems = append(problems, fmt.Sprintf("job %s: consumed link %s lists properties; only provided links do", j.name, l.Name))
				}
				if _, external := externalLinkTypes[l.Type]; !l.Optional && !provided[l.Type] && !external {
					problems = append(problems, fmt.Sprintf("job %s: consumes link type %s, which no job provides; provide it or mark it optional", j.name, l.Type))
				}
			}
		}
		Expect(problems).To(BeEmpty())
	})

	It("provide links whose properties they declare", func() {
		for _, j := range jobs {
			names := map[string]bool{}
			for _, l := range j.spec.Provides {
				if l.Name == "" || l.Type == "" {
					problems = append(problems, fmt.Sprintf("job %s: a provided link needs a name and a type: %+v", j.name, l))
				}
				if names[l.Name] {
					problems = append(problems, fmt.Sprintf("job %s: provides %s twice", j.name, l.Name))
				}
				names[l.Name] = true
				for _, p := range l.Properties {
					if _, ok := j.spec.Properties[p]; !ok {
						problems = append(problems, fmt.Sprintf("job %s: link %s shares undeclared property %s", j.name, l.Name, p))
					}
				}
			}
		}
		Expect(problems).To(BeEmpty())
	})
})

// checkMonit checks a job's monit file: an errand has an empty one and renders bin/run;
// every other job has only "check process" blocks, each run by bpm for this job, with the
// pidfile bpm writes, and in group vcap.
func checkMonit(j job) []string {
	data, err := os.ReadFile(filepath.Join(j.dir, "monit"))
	if err != nil {
		return []string{fmt.Sprintf("job %s: %v", j.name, err)}
	}
	// monit is an ERB template too; the structure must hold with every conditional taken,
	// so control tags (<% if p("enabled") %>) are dropped and output tags left in place.
	var lines []string
	for _, line := range strings.Split(erbControl.ReplaceAllString(string(data), ""), "\n") {
		if t := strings.TrimSpace(line); t != "" && !strings.HasPrefix(t, "#") {
			lines = append(lines, line)
		}
	}
	text := strings.Join(lines, "\n")
	dests := j.templateDestinations()
	if text == "" {
		if !dests["bin/run"] {
			return []string{fmt.Sprintf("job %s: monit is empty but no template renders bin/run, so it is neither a process nor an errand", j.name)}
		}
		return nil
	}

	var problems []string
	if !dests["config/bpm.yml"] {
		problems = append(problems, fmt.Sprintf("job %s: monit starts processes with bpm but no template renders config/bpm.yml", j.name))
	}
	checks := monitCheck.FindAllStringSubmatchIndex(text, -1)
	if len(checks) == 0 || strings.TrimSpace(text[:checks[0][0]]) != "" {
		return append(problems, fmt.Sprintf("job %s: monit must consist of check process blocks", j.name))
	}
	for i, c := range checks {
		end := len(text)
		if i+1 < len(checks) {
			end = checks[i+1][0]
		}
		block := text[c[0]:end]
		kind, name := text[c[2]:c[3]], text[c[4]:c[5]]
		where := fmt.Sprintf("job %s: monit check %s %s", j.name, kind, name)
		if kind != "process" {
			problems = append(problems, where+": only check process blocks are expected")
			continue
		}
		start, stop, pid := startLine.FindStringSubmatch(block), stopLine.FindStringSubmatch(block), pidfile.FindStringSubmatch(block)
		if start == nil || stop == nil || pid == nil {
			problems = append(problems, where+": needs with pidfile, start program and stop program")
			continue
		}
		if !groupVcap.MatchString(block) {
			problems = append(problems, where+": is not in group vcap")
		}
		startCmd, stopCmd := bpmCommand.FindStringSubmatch(start[1]), bpmCommand.FindStringSubmatch(stop[1])
		if startCmd == nil || startCmd[1] != "start" || stopCmd == nil || stopCmd[1] != "stop" {
			problems = append(problems, where+`: start and stop with "/var/vcap/jobs/bpm/bin/bpm start|stop <job> [-p <process>]"`)
			continue
		}
		if startCmd[2] != j.name || stopCmd[2] != j.name || startCmd[3] != stopCmd[3] {
			problems = append(problems, where+": bpm start and stop must name this job and the same process")
			continue
		}
		process := startCmd[3]
		if process == "" {
			process = j.name
		}
		if want := fmt.Sprintf("/var/vcap/sys/run/bpm/%s/%s.pid", j.name, process); pid[1] != want {
			problems = append(problems, fmt.Sprintf("%s: pidfile is %s, bpm writes %s", where, pid[1], want))
		}
	}
	return problems
}

// sortedKeys returns a map's keys in order, for stable failure messages.
func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
