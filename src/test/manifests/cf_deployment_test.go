package manifests_test

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"sort"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
)

// cfLoggingJobs are the ten jobs cf-deployment takes from Cloud Foundry's two
// logging releases; add-to-cf-deployment.yml moves every one of them to ours.
var cfLoggingJobs = []struct{ Name, From string }{
	{"doppler", "loggregator"},
	{"reverse_log_proxy", "loggregator"},
	{"reverse_log_proxy_gateway", "loggregator"},
	{"loggregator_trafficcontroller", "loggregator"},
	{"loggregator_agent", "loggregator-agent"},
	{"loggr-forwarder-agent", "loggregator-agent"},
	{"loggr-syslog-agent", "loggregator-agent"},
	{"loggr-syslog-binding-cache", "loggregator-agent"},
	{"loggr-udp-forwarder", "loggregator-agent"},
	{"prom_scraper", "loggregator-agent"},
}

func isCFLoggingJob(name string) bool {
	return slices.ContainsFunc(cfLoggingJobs, func(j struct{ Name, From string }) bool { return j.Name == name })
}

// cfOperatorVars are the variables cf-deployment asks its own operators for
// (with -v) that the excerpt uses. The swap must need no others.
var cfOperatorVars = map[string]operatorVar{
	"system_domain": {Name: "system_domain", Example: "cf.example.com"},
}

// cfSwap is testdata/cf-deployment-excerpt.yml before and after
// add-to-cf-deployment.yml, read as the director would receive it.
type cfSwap struct {
	before, after any
	// declared is the typed view of after, ((variables)) untouched.
	declared Manifest
	// placed is after with every variable filled in and every add-on's jobs
	// placed on the instance groups its rules select, as the director does.
	placed Manifest
}

func loadCFSwap() cfSwap {
	excerpt := filepath.Join(repoRoot, "src", "test", "manifests", "testdata", "cf-deployment-excerpt.yml")
	before, err := loadYAML(excerpt)
	Expect(err).NotTo(HaveOccurred())
	after, err := interpolateManifest(excerpt, filepath.Join(opsDir, "add-to-cf-deployment.yml"))
	Expect(err).NotTo(HaveOccurred())
	declared, err := decodeManifest(after)
	Expect(err).NotTo(HaveOccurred())

	store := newVarStore(declared.Variables, cfOperatorVars)
	resolved, err := interpolate(after, store.get)
	Expect(err).NotTo(HaveOccurred())
	m, err := decodeManifest(resolved)
	Expect(err).NotTo(HaveOccurred())
	placed, err := placeAddons(m)
	Expect(err).NotTo(HaveOccurred())
	return cfSwap{before: before, after: after, declared: declared, placed: placed}
}

var _ = Describe("add-to-cf-deployment.yml applied to cf-deployment (testdata/cf-deployment-excerpt.yml)", func() {
	It("takes each of the ten logging jobs from this release, wherever cf-deployment places it", func() {
		s := loadCFSwap()
		original, err := decodeManifest(s.before)
		Expect(err).NotTo(HaveOccurred())
		for _, want := range cfLoggingJobs {
			var was, now []string
			for _, pj := range original.allJobs() {
				if pj.Job.Name == want.Name {
					Expect(pj.Job.Release).To(Equal(want.From), "the excerpt should place %s from %s, as cf-deployment does", want.Name, want.From)
					was = append(was, pj.Where)
				}
			}
			Expect(was).NotTo(BeEmpty(), "the excerpt has no %s", want.Name)
			for _, pj := range s.declared.allJobs() {
				if pj.Job.Name == want.Name {
					Expect(pj.Job.Release).To(Equal(ownRelease), "%s: job %s still comes from %s", pj.Where, pj.Job.Name, pj.Job.Release)
					now = append(now, pj.Where)
				}
			}
			Expect(now).To(Equal(was), "job %s should stay exactly where cf-deployment places it", want.Name)
		}
		for _, pj := range s.declared.allJobs() {
			Expect(pj.Job.Release).NotTo(Equal("loggregator-agent"), "%s: job %s", pj.Where, pj.Job.Name)
		}
		Expect(s.declared.Releases).To(ContainElement(Release{Name: ownRelease, Version: "latest"}))
	})

	It("changes nothing but those jobs' release: no job, add-on, instance group, link, property or variable is removed or altered", func() {
		s := loadCFSwap()
		expected := normalize(s.before).(map[string]any)
		for _, section := range []string{"instance_groups", "addons"} {
			for _, holder := range expected[section].([]any) {
				for _, j := range holder.(map[string]any)["jobs"].([]any) {
					job := j.(map[string]any)
					if isCFLoggingJob(job["name"].(string)) {
						job["release"] = ownRelease
					}
				}
			}
		}
		for i, r := range expected["releases"].([]any) {
			if r.(map[string]any)["name"] == ownRelease {
				expected["releases"].([]any)[i] = map[string]any{"name": ownRelease, "version": "latest"}
			}
		}
		Expect(treeDiff("", expected, normalize(s.after))).To(BeEmpty())
	})

	It("keeps the loggregator-agent release listed, for cf-deployment's ops files that still place its jobs", func() {
		s := loadCFSwap()
		var names []string
		for _, r := range s.declared.Releases {
			names = append(names, r.Name)
		}
		Expect(names).To(ContainElement("loggregator-agent"))
	})

	It("gives our components cf-deployment's certificates with the names and key usages they check, each from the CA that signs its peers", func() {
		s := loadCFSwap()
		store := newVarStore(s.declared.Variables, cfOperatorVars)
		// The gateway's HTTPS name is cf-deployment's log-stream.<system
		// domain>, which no peer of ours checks; every other use applies.
		var uses []certUse
		for _, u := range certUses {
			if u.Job == "reverse_log_proxy_gateway" && u.Cert == "http.cert" {
				continue
			}
			uses = append(uses, u)
		}
		Expect(checkCertificateUses(s.declared, store, uses)).To(BeEmpty())
	})

	It("uses only variables cf-deployment generates (and its own system_domain), so operators provide nothing new", func() {
		s := loadCFSwap()
		Expect(checkVariables(s.after, s.declared, cfOperatorVars)).To(BeEmpty())
	})

	DescribeTable("renders the job with cf-deployment's properties and links on every instance group that has it, and its binary accepts the config",
		func(job string) {
			s := loadCFSwap()
			if _, err := os.Stat(filepath.Join(repoRoot, "jobs", job, "spec")); err != nil {
				Fail(fmt.Sprintf("job %s does not exist in jobs/ yet, so cf-deployment cannot take it from this release: %v", job, err))
			}
			d, err := newPartialDeployment(s.placed)
			Expect(err).NotTo(HaveOccurred())
			spec := d.specs[job]
			root := GinkgoT().TempDir()
			rendered := 0
			for _, ig := range s.placed.InstanceGroups {
				for _, j := range ig.Jobs {
					if j.Name != job {
						continue
					}
					Expect(j.Release).To(Equal(ownRelease), "instance group %s: job %s", ig.Name, job)
					Expect(undeclaredProperties(spec, j.Properties)).To(BeEmpty(),
						"instance group %s: cf-deployment sets these properties on %s, which jobs/%s/spec does not declare", ig.Name, job, job)
					indexes := []int{0}
					if last := ig.count() - 1; last > 0 {
						indexes = append(indexes, last)
					}
					for _, index := range indexes {
						rj, err := d.renderJob(ig, index, j, root)
						Expect(err).NotTo(HaveOccurred())
						rendered += checkRenderedJob(rj)
					}
				}
			}
			Expect(rendered).To(BeNumerically(">", 0), "job %s was placed nowhere", job)
		},
		func(job string) string { return job },
		Entry(nil, "doppler"),
		Entry(nil, "reverse_log_proxy"),
		Entry(nil, "reverse_log_proxy_gateway"),
		Entry(nil, "loggregator_trafficcontroller"),
		Entry(nil, "loggregator_agent"),
		Entry(nil, "loggr-forwarder-agent"),
		Entry(nil, "loggr-syslog-agent"),
		Entry(nil, "loggr-syslog-binding-cache"),
		Entry(nil, "loggr-udp-forwarder"),
		Entry(nil, "prom_scraper"),
	)

	It("places add-on jobs as the director does: by stemcell, leaving out the VMs their exclude rule names", func() {
		s := loadCFSwap()
		groups := map[string][]string{}
		for _, ig := range s.placed.InstanceGroups {
			groups[ig.Name] = jobNames(ig)
		}
		Expect(groups["smoke-tests"]).To(ConsistOf("smoke_tests", "loggr-forwarder-agent", "bpm"))
		Expect(groups["nats"]).To(ConsistOf("nats-tls", "loggregator_agent", "loggr-forwarder-agent", "loggr-syslog-agent", "prom_scraper", "bpm"))
		Expect(groups["scheduler"]).To(ContainElements("loggr-syslog-binding-cache", "loggr-udp-forwarder", "loggregator_agent"))
	})
})

// checkRenderedJob runs every process of a rendered job with --check-config
// on its rendered config and returns how many it checked.
func checkRenderedJob(rj renderedJob) int {
	procs, err := processes(rj.Dir)
	Expect(err).NotTo(HaveOccurred(), "%s/%d job %s", rj.Group, rj.Index, rj.Job)
	Expect(procs).NotTo(BeEmpty(), "%s/%d job %s runs no process", rj.Group, rj.Index, rj.Job)
	for _, p := range procs {
		cfg, ok := p.configPath()
		Expect(ok).To(BeTrue(), "%s/%d job %s process %s has no --config", rj.Group, rj.Index, rj.Job, p.Name)
		bin, err := binary(filepath.Base(p.Executable))
		Expect(err).NotTo(HaveOccurred(), "job %s runs %s, which is not a binary under src/cmd", rj.Job, p.Executable)
		out, err := checkConfig(bin, cfg)
		Expect(err).NotTo(HaveOccurred(), "%s/%d job %s: %s --check-config rejected %s:\n%s", rj.Group, rj.Index, rj.Job, filepath.Base(p.Executable), cfg, out)
	}
	return len(procs)
}

// placeAddons returns m with each add-on's jobs added to every instance
// group its include rule selects and its exclude rule does not, and no
// add-ons left: what the director deploys.
func placeAddons(m Manifest) (Manifest, error) {
	osOf := map[string]string{}
	for _, s := range m.Stemcells {
		osOf[s.Alias] = s.OS
	}
	out := m
	out.Addons = nil
	out.InstanceGroups = make([]InstanceGroup, len(m.InstanceGroups))
	for i, ig := range m.InstanceGroups {
		ig.Jobs = slices.Clone(ig.Jobs)
		for _, a := range m.Addons {
			in, err := a.Include.selects(ig, osOf, true)
			if err != nil {
				return Manifest{}, fmt.Errorf("add-on %s: include: %w", a.Name, err)
			}
			ex, err := a.Exclude.selects(ig, osOf, false)
			if err != nil {
				return Manifest{}, fmt.Errorf("add-on %s: exclude: %w", a.Name, err)
			}
			if in && !ex {
				ig.Jobs = append(ig.Jobs, a.Jobs...)
			}
		}
		out.InstanceGroups[i] = ig
	}
	return out, nil
}

// selects reports whether the rule selects ig: every criterion it names
// must hold, and a list criterion holds when any of its entries does. A
// missing rule selects what absent says.
func (p *Placement) selects(ig InstanceGroup, osOf map[string]string, absent bool) (bool, error) {
	if p == nil {
		return absent, nil
	}
	if len(p.Other) > 0 {
		keys := make([]string, 0, len(p.Other))
		for k := range p.Other {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		return false, fmt.Errorf("the suite does not place by %v", keys)
	}
	if len(p.Stemcell) > 0 && !slices.ContainsFunc(p.Stemcell, func(s struct {
		OS string `yaml:"os"`
	}) bool {
		return s.OS == osOf[ig.Stemcell]
	}) {
		return false, nil
	}
	if len(p.Jobs) > 0 && !slices.ContainsFunc(p.Jobs, func(want struct{ Name, Release string }) bool {
		return slices.ContainsFunc(ig.Jobs, func(j Job) bool { return j.Name == want.Name && j.Release == want.Release })
	}) {
		return false, nil
	}
	if len(p.InstanceGroups) > 0 && !slices.Contains(p.InstanceGroups, ig.Name) {
		return false, nil
	}
	lifecycle := ig.Lifecycle
	if lifecycle == "" {
		lifecycle = "service"
	}
	if p.Lifecycle != "" && p.Lifecycle != lifecycle {
		return false, nil
	}
	return true, nil
}

// treeDiff lists, by path, where got differs from want.
func treeDiff(path string, want, got any) []string {
	switch w := want.(type) {
	case map[string]any:
		g, ok := got.(map[string]any)
		if !ok {
			return []string{fmt.Sprintf("%s: want a map, got %v", path, got)}
		}
		var out []string
		keys := map[string]bool{}
		for k := range w {
			keys[k] = true
		}
		for k := range g {
			keys[k] = true
		}
		sorted := make([]string, 0, len(keys))
		for k := range keys {
			sorted = append(sorted, k)
		}
		sort.Strings(sorted)
		for _, k := range sorted {
			wv, inW := w[k]
			gv, inG := g[k]
			switch {
			case !inG:
				out = append(out, fmt.Sprintf("%s/%s: removed", path, k))
			case !inW:
				out = append(out, fmt.Sprintf("%s/%s: added %v", path, k, gv))
			default:
				out = append(out, treeDiff(path+"/"+k, wv, gv)...)
			}
		}
		return out
	case []any:
		g, ok := got.([]any)
		if !ok || len(g) != len(w) {
			return []string{fmt.Sprintf("%s: want %d entries, got %v", path, len(w), got)}
		}
		var out []string
		for i := range w {
			out = append(out, treeDiff(fmt.Sprintf("%s/%d", path, i), w[i], g[i])...)
		}
		return out
	default:
		if !reflect.DeepEqual(want, got) {
			return []string{fmt.Sprintf("%s: want %v, got %v", path, want, got)}
		}
		return nil
	}
}
