package manifests_test

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
)

var _ = Describe("manifests/loggregator.yml", func() {
	It("deploys the latest loggregator and bpm releases on the latest ubuntu-jammy stemcell", func() {
		m := loadVariant().declared
		Expect(m.Name).To(Equal("((deployment_name))"))
		Expect(m.Releases).To(ConsistOf(
			Release{Name: "loggregator", Version: "latest"},
			Release{Name: "bpm", Version: "latest"},
		))
		Expect(m.Stemcells).To(ConsistOf(Stemcell{Alias: "default", OS: "ubuntu-jammy", Version: "latest"}))
	})

	It("rolls one VM at a time", func() {
		m := loadVariant().declared
		Expect(m.Update).To(HaveKeyWithValue("canaries", 1))
		Expect(m.Update).To(HaveKeyWithValue("max_in_flight", 1))
	})

	It("runs two routers, the log API and an emitter in z1, each with bpm and an agent", func() {
		m := loadVariant().declared
		groups := map[string]InstanceGroup{}
		for _, ig := range m.InstanceGroups {
			groups[ig.Name] = ig
			Expect(ig.AZs).To(Equal([]string{"z1"}), ig.Name)
			Expect(jobNames(ig)).To(ContainElements("bpm", "loggregator_agent"), ig.Name)
			Expect(ig.VMType).To(Equal("default"), ig.Name)
			Expect(ig.Networks).To(ConsistOf(Network{Name: "default"}), ig.Name)
		}
		Expect(groups).To(HaveKey("doppler"))
		Expect(groups["doppler"].Instances).To(Equal(2))
		Expect(jobNames(groups["doppler"])).To(ContainElement("doppler"))
		Expect(groups).To(HaveKey("log-api"))
		Expect(jobNames(groups["log-api"])).To(ContainElements("reverse_log_proxy", "reverse_log_proxy_gateway"))
		Expect(groups).To(HaveKey("emitter"))
	})

	It("runs the log-loss-probe errand on a VM of its own, through the agent beside it, at 1,000/s for 10 s, failing above 1 % loss", func() {
		m := loadVariant().declared
		var probe *InstanceGroup
		for i, ig := range m.InstanceGroups {
			if slices.Contains(jobNames(ig), "log-loss-probe") {
				Expect(probe).To(BeNil(), "log-loss-probe is in more than one instance group")
				probe = &m.InstanceGroups[i]
			}
		}
		Expect(probe).NotTo(BeNil())
		Expect(probe.Lifecycle).To(Equal("errand"))
		Expect(probe.Instances).To(Equal(1))
		Expect(jobNames(*probe)).To(Equal([]string{"bpm", "log-loss-probe", "loggregator_agent"}))

		d, err := newDeployment(m)
		Expect(err).NotTo(HaveOccurred())
		for _, j := range probe.Jobs {
			if j.Name != "log-loss-probe" {
				continue
			}
			links, err := d.links(j)
			Expect(err).NotTo(HaveOccurred())
			Expect(links).To(HaveKey("reverse_log_proxy"))
			Expect(links).To(HaveKey("loggregator_agent"))
			Expect(links["loggregator_agent"].Instances).To(Equal(d.instances[probe.Name]), "the probe should use the agent on its own VM")
			props := normalize(j.Properties).(map[string]any)
			Expect(props).To(HaveKeyWithValue("log_loss_probe", map[string]any{
				"rate": 1000, "duration": "10s", "max_loss_percent": 1,
			}))
		}
	})

	It("lists the operator-provided variables in docs/deploying.md, each used by a manifest or ops file", func() {
		used := map[string]bool{}
		for _, ref := range variableRefs(loadVariant().raw) {
			used[variableName(ref)] = true
		}
		opsFiles, err := filepath.Glob(filepath.Join(opsDir, "*.yml"))
		Expect(err).NotTo(HaveOccurred())
		for _, f := range opsFiles {
			defs, err := loadYAML(f)
			Expect(err).NotTo(HaveOccurred())
			for _, ref := range variableRefs(defs) {
				used[variableName(ref)] = true
			}
		}
		var unused []string
		for name := range operatorVars {
			if !used[name] {
				unused = append(unused, name)
			}
		}
		Expect(unused).To(BeEmpty(), "docs/deploying.md lists variables nothing uses")
	})
})

// standaloneVariants are the standalone manifest alone and with each ops
// file meant for it; every check runs on each.
var standaloneVariants = []TableEntry{
	Entry("the manifest alone"),
	Entry("with scale-routers.yml", "scale-routers.yml"),
	Entry("with scale-log-api.yml", "scale-log-api.yml"),
	Entry("with gateway-uaa-cc.yml", "gateway-uaa-cc.yml"),
	Entry("with every standalone ops file", "scale-routers.yml", "scale-log-api.yml", "gateway-uaa-cc.yml"),
}

var _ = Describe("the standalone deployment", func() {
	DescribeTable("names only jobs that exist in jobs/ or come from the bpm release",
		func(ops ...string) {
			Expect(checkJobsExist(loadVariant(ops...).declared)).To(BeEmpty())
		}, standaloneVariants)

	DescribeTable("sets only properties the jobs' specs declare",
		func(ops ...string) {
			d, err := newDeployment(loadVariant(ops...).declared)
			Expect(err).NotTo(HaveOccurred())
			Expect(checkProperties(d)).To(BeEmpty())
		}, standaloneVariants)

	DescribeTable("generates every variable it uses or lists it as operator-provided",
		func(ops ...string) {
			v := loadVariant(ops...)
			Expect(checkVariables(v.raw, v.declared, operatorVars)).To(BeEmpty())
		}, standaloneVariants)

	DescribeTable("gives every component a certificate from the one CA with the name its peers check",
		func(ops ...string) {
			v := loadVariant(ops...)
			Expect(checkCertificates(v.declared, v.store)).To(BeEmpty())
		}, standaloneVariants)

	DescribeTable("renders every job with links resolved as the director would, and every binary accepts its config",
		func(ops ...string) {
			v := loadVariant(ops...)
			renderAndCheck(v.resolve())
		}, standaloneVariants)
})

var _ = Describe("the ops files", func() {
	It("each parse as go-patch operations", func() {
		files, err := filepath.Glob(filepath.Join(opsDir, "*.yml"))
		Expect(err).NotTo(HaveOccurred())
		Expect(files).NotTo(BeEmpty())
		for _, f := range files {
			_, err := loadOps(f)
			Expect(err).NotTo(HaveOccurred(), f)
		}
	})

	It("scale-routers.yml and scale-log-api.yml set instance counts from variables", func() {
		routers := loadVariant("scale-routers.yml")
		Expect(instancesOf(routers.resolve(), "doppler")).To(Equal(operatorVars["router_instances"].Example))
		logAPI := loadVariant("scale-log-api.yml")
		Expect(instancesOf(logAPI.resolve(), "log-api")).To(Equal(operatorVars["log_api_instances"].Example))
	})

	It("add-to-cf-deployment.yml swaps in this release and sets only jobs and properties our specs have", func() {
		path := filepath.Join(opsDir, "add-to-cf-deployment.yml")
		defs, err := loadOpDefinitions(path)
		Expect(err).NotTo(HaveOccurred())
		_, err = loadOps(path)
		Expect(err).NotTo(HaveOccurred())

		var problems []string
		swapsRelease := false
		for i, def := range defs {
			if def.Path == nil {
				continue
			}
			p := *def.Path
			if strings.HasPrefix(p, "/releases/name=loggregator") && def.Type == "replace" && def.Value != nil {
				r := normalize(*def.Value).(map[string]any)
				Expect(r).To(HaveKeyWithValue("name", "loggregator"), "operation %d", i)
				swapsRelease = true
			}
			if def.Type != "replace" || def.Value == nil {
				continue
			}
			problems = append(problems, checkCFOperation(i, p, *def.Value)...)
		}
		Expect(swapsRelease).To(BeTrue(), "add-to-cf-deployment.yml should replace the loggregator release with this one")
		Expect(problems).To(BeEmpty())
	})
})

// checkCFOperation checks one replace operation of an ops file for a
// deployment that is not here (cf-deployment): a job it names with our
// release must exist in jobs/, and properties it sets on our jobs must be
// declared.
func checkCFOperation(i int, path string, value any) []string {
	var problems []string
	segments := strings.Split(strings.TrimPrefix(path, "/"), "/")
	for s, seg := range segments {
		if seg != "jobs" || s+1 >= len(segments) {
			continue
		}
		job := strings.TrimSuffix(strings.TrimPrefix(segments[s+1], "name="), "?")
		rest := segments[s+2:]
		where := fmt.Sprintf("operation %d (%s)", i, path)
		switch {
		case len(rest) == 1 && rest[0] == "release":
			if value == ownRelease {
				if _, err := os.Stat(filepath.Join(repoRoot, "jobs", job, "spec")); err != nil {
					problems = append(problems, where+": job "+job+" does not exist in jobs/")
				}
			}
		case len(rest) >= 1 && rest[0] == "properties":
			spec, err := loadJobSpec(job)
			if err != nil {
				problems = append(problems, where+": job "+job+" does not exist in jobs/")
				continue
			}
			props := map[string]any{}
			if len(rest) == 1 {
				props, _ = normalize(value).(map[string]any)
			} else {
				setProperty(props, strings.Join(stripOptional(rest[1:]), "."), normalize(value))
			}
			for _, bad := range undeclaredProperties(spec, props) {
				problems = append(problems, where+": property "+bad+" is not declared in jobs/"+job+"/spec")
			}
		case len(rest) == 0 || rest[0] == "-":
			j, _ := normalize(value).(map[string]any)
			name, _ := j["name"].(string)
			if rel, _ := j["release"].(string); rel != ownRelease {
				continue
			}
			spec, err := loadJobSpec(name)
			if err != nil {
				problems = append(problems, where+": job "+name+" does not exist in jobs/")
				continue
			}
			props, _ := j["properties"].(map[string]any)
			for _, bad := range undeclaredProperties(spec, props) {
				problems = append(problems, where+": property "+bad+" is not declared in jobs/"+name+"/spec")
			}
		}
	}
	return problems
}

func stripOptional(segments []string) []string {
	out := make([]string, len(segments))
	for i, s := range segments {
		out[i] = strings.TrimSuffix(s, "?")
	}
	return out
}

func jobNames(ig InstanceGroup) []string {
	names := make([]string, 0, len(ig.Jobs))
	for _, j := range ig.Jobs {
		names = append(names, j.Name)
	}
	slices.Sort(names)
	return names
}

func instancesOf(m Manifest, group string) any {
	for _, ig := range m.InstanceGroups {
		if ig.Name == group {
			return ig.Instances
		}
	}
	return nil
}
