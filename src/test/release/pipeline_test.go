package release_test

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
	"go.yaml.in/yaml/v3"
)

// The pipeline's schema, as Concourse reads it (concourse/concourse atc: config.go, steps.go,
// task.go; https://concourse-ci.org/docs/). Concourse parses strictly, so the suite does too:
// a key it does not know is an error in `fly validate-pipeline`.

type pipelineConfig struct {
	Resources     []pipelineResource `yaml:"resources"`
	ResourceTypes []pipelineResource `yaml:"resource_types"`
	Jobs          []pipelineJob      `yaml:"jobs"`
	Groups        []struct {
		Name      string   `yaml:"name"`
		Jobs      []string `yaml:"jobs"`
		Resources []string `yaml:"resources"`
	} `yaml:"groups"`
}

type pipelineResource struct {
	Name         string         `yaml:"name"`
	Type         string         `yaml:"type"`
	Icon         string         `yaml:"icon"`
	Source       map[string]any `yaml:"source"`
	Params       map[string]any `yaml:"params"`
	Privileged   bool           `yaml:"privileged"`
	Defaults     map[string]any `yaml:"defaults"`
	CheckEvery   string         `yaml:"check_every"`
	Tags         []string       `yaml:"tags"`
	Public       bool           `yaml:"public"`
	WebhookToken string         `yaml:"webhook_token"`
}

type pipelineJob struct {
	Name                 string           `yaml:"name"`
	Plan                 []map[string]any `yaml:"plan"`
	Serial               bool             `yaml:"serial"`
	SerialGroups         []string         `yaml:"serial_groups"`
	MaxInFlight          int              `yaml:"max_in_flight"`
	Public               bool             `yaml:"public"`
	DisableManualTrigger bool             `yaml:"disable_manual_trigger"`
	Interruptible        bool             `yaml:"interruptible"`
	BuildLogRetention    map[string]any   `yaml:"build_log_retention"`
	OnSuccess            map[string]any   `yaml:"on_success"`
	OnFailure            map[string]any   `yaml:"on_failure"`
	OnAbort              map[string]any   `yaml:"on_abort"`
	OnError              map[string]any   `yaml:"on_error"`
	Ensure               map[string]any   `yaml:"ensure"`
}

type taskConfig struct {
	Platform      string `yaml:"platform"`
	RootfsURI     string `yaml:"rootfs_uri"`
	ImageResource *struct {
		Type    string            `yaml:"type"`
		Source  map[string]any    `yaml:"source"`
		Params  map[string]any    `yaml:"params"`
		Version map[string]string `yaml:"version"`
	} `yaml:"image_resource"`
	ContainerLimits map[string]any `yaml:"container_limits"`
	Params          map[string]any `yaml:"params"`
	Run             struct {
		Path string   `yaml:"path"`
		Args []string `yaml:"args"`
		Dir  string   `yaml:"dir"`
		User string   `yaml:"user"`
	} `yaml:"run"`
	Inputs []struct {
		Name     string `yaml:"name"`
		Path     string `yaml:"path"`
		Optional bool   `yaml:"optional"`
	} `yaml:"inputs"`
	Outputs []struct {
		Name string `yaml:"name"`
		Path string `yaml:"path"`
	} `yaml:"outputs"`
	Caches []struct {
		Path string `yaml:"path"`
	} `yaml:"caches"`
}

// stepKeys are the keys of each core step type; stepModifiers may sit beside any of them.
var stepKeys = map[string][]string{
	"get":          {"get", "resource", "version", "params", "passed", "trigger", "tags"},
	"put":          {"put", "resource", "params", "inputs", "tags", "get_params"},
	"task":         {"task", "privileged", "file", "config", "params", "vars", "tags", "input_mapping", "output_mapping", "image"},
	"set_pipeline": {"set_pipeline", "file", "team", "vars", "var_files"},
	"load_var":     {"load_var", "file", "format", "reveal"},
	"in_parallel":  {"in_parallel"},
	"do":           {"do"},
	"try":          {"try"},
}

var stepModifiers = []string{"ensure", "on_error", "on_abort", "on_failure", "on_success", "attempts", "timeout"}

// builtinResourceTypes are the resource types a Concourse worker ships with.
var builtinResourceTypes = []string{"git", "semver", "s3", "registry-image", "docker-image", "time", "pool", "github-release", "hg", "cf", "bosh-io-release", "bosh-io-stemcell", "tracker", "mock"}

// repoArtifact marks an artifact that is this repository (a get of the git resource
// whose uri is ((git_uri))), so paths inside it can be checked against the checkout.
const repoArtifact = "repository"

// pipelineCheck reads ci/pipeline.yml under root and every task file it names, and
// collects what is wrong.
type pipelineCheck struct {
	root      string
	config    pipelineConfig
	resources map[string]pipelineResource
	jobs      map[string]pipelineJob
	used      map[string]bool
	problems  []string
	// produced and consumed track, within the job being checked, the task
	// outputs and the artifacts later steps read.
	produced map[string]string
	consumed map[string]bool
}

func (c *pipelineCheck) problemf(format string, args ...any) {
	c.problems = append(c.problems, fmt.Sprintf(format, args...))
}

func pipelineProblems(root string) []string {
	c := &pipelineCheck{root: root, resources: map[string]pipelineResource{}, jobs: map[string]pipelineJob{}, used: map[string]bool{}}
	file := filepath.Join(root, "ci", "pipeline.yml")
	if err := decodeStrict(file, &c.config); err != nil {
		return []string{err.Error()}
	}
	for _, r := range c.config.Resources {
		c.resources[r.Name] = r
		if !contains(builtinResourceTypes, r.Type) && !c.declaredType(r.Type) {
			c.problemf("resource %s: type %s is neither built in nor in resource_types", r.Name, r.Type)
		}
	}
	for _, j := range c.config.Jobs {
		if _, dup := c.jobs[j.Name]; dup {
			c.problemf("job %s is declared twice", j.Name)
		}
		c.jobs[j.Name] = j
	}
	for _, j := range c.config.Jobs {
		if len(j.Plan) == 0 {
			c.problemf("job %s has an empty plan", j.Name)
		}
		available := map[string]string{}
		c.produced, c.consumed = map[string]string{}, map[string]bool{}
		c.steps("job "+j.Name, j.Plan, available)
		for _, hook := range []map[string]any{j.OnSuccess, j.OnFailure, j.OnAbort, j.OnError, j.Ensure} {
			if hook != nil {
				c.step("job "+j.Name+" hook", hook, available)
			}
		}
		for _, out := range sortedKeysOf(c.produced) {
			if !c.consumed[out] {
				c.problemf("%s: output %s is used by no later step", c.produced[out], out)
			}
		}
	}
	for _, r := range c.config.Resources {
		if !c.used[r.Name] {
			c.problemf("resource %s is not used by any job", r.Name)
		}
	}
	c.variables(file)
	return c.problems
}

func (c *pipelineCheck) declaredType(name string) bool {
	for _, t := range c.config.ResourceTypes {
		if t.Name == name {
			return true
		}
	}
	return false
}

// steps runs through a sequence of steps; available maps each artifact the job has so far
// to repoArtifact or "".
func (c *pipelineCheck) steps(where string, steps []map[string]any, available map[string]string) {
	for i, s := range steps {
		c.step(fmt.Sprintf("%s step %d", where, i+1), s, available)
	}
}

func (c *pipelineCheck) step(where string, s map[string]any, available map[string]string) {
	var core string
	for k := range stepKeys {
		if _, ok := s[k]; ok {
			if core != "" {
				c.problemf("%s: declares both %s and %s", where, core, k)
			}
			core = k
		}
	}
	if core == "" {
		c.problemf("%s: no core step (get, put, task, in_parallel, do, try, ...)", where)
		return
	}
	for k := range s {
		if !contains(stepKeys[core], k) && !contains(stepModifiers, k) {
			c.problemf("%s (%s): unknown key %q", where, core, k)
		}
	}
	name, _ := s[core].(string)
	where = fmt.Sprintf("%s (%s %s)", where, core, name)
	switch core {
	case "get":
		resource := c.resourceOf(where, s, name)
		for _, p := range asList(s["passed"]) {
			job, ok := c.jobs[p]
			if !ok {
				c.problemf("%s: passed names job %s, which does not exist", where, p)
			} else if !c.interacts(job, resource) {
				c.problemf("%s: passed names job %s, which does not get or put %s", where, p, resource)
			}
		}
		available[name] = ""
		if c.isRepository(resource) {
			available[name] = repoArtifact
		}
	case "put":
		resource := c.resourceOf(where, s, name)
		params, _ := s["params"].(map[string]any)
		for _, key := range []string{"file", "repository", "tag"} {
			if v, ok := params[key].(string); ok {
				c.consumed[firstElem(v)] = true
				if _, have := available[firstElem(v)]; !have {
					c.problemf("%s: params.%s %s is not in an artifact of the job so far", where, key, v)
				}
			}
		}
		available[name] = ""
		if c.isRepository(resource) {
			available[name] = repoArtifact
		}
	case "task":
		c.task(where, s, available)
	case "in_parallel":
		var branches []any
		switch v := s["in_parallel"].(type) {
		case []any:
			branches = v
		case map[string]any:
			branches = asAnyList(v["steps"])
		}
		before := copyArtifacts(available)
		for i, b := range branches {
			m, _ := b.(map[string]any)
			branch := copyArtifacts(before)
			c.step(fmt.Sprintf("%s branch %d", where, i+1), m, branch)
			for k, v := range branch {
				available[k] = v
			}
		}
	case "do":
		for i, b := range asAnyList(s["do"]) {
			m, _ := b.(map[string]any)
			c.step(fmt.Sprintf("%s step %d", where, i+1), m, available)
		}
	case "try":
		m, _ := s["try"].(map[string]any)
		c.step(where+" try", m, available)
	}
	for _, hook := range []string{"ensure", "on_error", "on_abort", "on_failure", "on_success"} {
		if m, ok := s[hook].(map[string]any); ok {
			c.step(where+" "+hook, m, copyArtifacts(available))
		}
	}
}

// resourceOf returns the resource a get or put step uses and marks it used.
func (c *pipelineCheck) resourceOf(where string, s map[string]any, name string) string {
	resource := name
	if r, ok := s["resource"].(string); ok {
		resource = r
	}
	if _, ok := c.resources[resource]; !ok {
		c.problemf("%s: resource %s is not declared", where, resource)
	}
	c.used[resource] = true
	return resource
}

func (c *pipelineCheck) isRepository(resource string) bool {
	r := c.resources[resource]
	return r.Type == "git" && r.Source["uri"] == "((git_uri))"
}

// interacts says whether job gets or puts resource anywhere in its plan, as
// `passed:` requires.
func (c *pipelineCheck) interacts(job pipelineJob, resource string) bool {
	found := false
	var walk func(v any)
	walk = func(v any) {
		switch t := v.(type) {
		case map[string]any:
			for _, core := range []string{"get", "put"} {
				if name, ok := t[core].(string); ok {
					r := name
					if explicit, ok := t["resource"].(string); ok {
						r = explicit
					}
					if r == resource {
						found = true
					}
				}
			}
			for _, val := range t {
				walk(val)
			}
		case []any:
			for _, val := range t {
				walk(val)
			}
		}
	}
	for _, s := range job.Plan {
		walk(s)
	}
	return found
}

func (c *pipelineCheck) task(where string, s map[string]any, available map[string]string) {
	var cfg taskConfig
	file, hasFile := s["file"].(string)
	switch {
	case hasFile:
		c.consumed[firstElem(file)] = true
		source, have := available[firstElem(file)]
		if !have {
			c.problemf("%s: file %s is not in an artifact of the job so far", where, file)
			return
		}
		if source != repoArtifact {
			c.problemf("%s: file %s does not come from this repository", where, file)
			return
		}
		local := filepath.Join(c.root, filepath.FromSlash(restOf(file)))
		if _, err := os.Stat(local); err != nil {
			c.problemf("%s: task file %s does not exist", where, restOf(file))
			return
		}
		if err := decodeStrict(local, &cfg); err != nil {
			c.problemf("%s: %v", where, err)
			return
		}
	case s["config"] != nil:
		data, err := yaml.Marshal(s["config"])
		if err == nil {
			dec := yaml.NewDecoder(bytes.NewReader(data))
			dec.KnownFields(true)
			err = dec.Decode(&cfg)
		}
		if err != nil && !errors.Is(err, io.EOF) {
			c.problemf("%s: config: %v", where, err)
			return
		}
	default:
		c.problemf("%s: neither file nor config", where)
		return
	}
	if cfg.Platform == "" {
		c.problemf("%s: task config has no platform", where)
	}
	if cfg.ImageResource == nil && cfg.RootfsURI == "" {
		c.problemf("%s: task config has no image_resource", where)
	}

	inputMapping := asStringMap(s["input_mapping"])
	outputMapping := asStringMap(s["output_mapping"])
	inputs := map[string]string{}
	for _, in := range cfg.Inputs {
		artifact := in.Name
		if m, ok := inputMapping[in.Name]; ok {
			artifact = m
		}
		c.consumed[artifact] = true
		source, have := available[artifact]
		if !have && !in.Optional {
			c.problemf("%s: input %s is not an artifact of the job so far", where, artifact)
		}
		inputs[in.Name] = source
	}
	for name := range inputMapping {
		if _, ok := inputs[name]; !ok {
			c.problemf("%s: input_mapping names %s, which the task does not take", where, name)
		}
	}

	switch source, ok := inputs[firstElem(cfg.Run.Path)]; {
	case cfg.Run.Path == "":
		c.problemf("%s: task config has no run.path", where)
	case !ok || !strings.Contains(cfg.Run.Path, "/"):
		c.problemf("%s: run.path %s is not a script in one of the task's inputs", where, cfg.Run.Path)
	case source == repoArtifact:
		c.checkTaskScript(where, restOf(cfg.Run.Path))
	}

	params := asMap(s["params"])
	for k := range params {
		if _, ok := cfg.Params[k]; !ok {
			c.problemf("%s: params.%s is not a param the task config declares", where, k)
		}
	}

	outputs := map[string]bool{}
	for _, out := range cfg.Outputs {
		artifact := out.Name
		if m, ok := outputMapping[out.Name]; ok {
			artifact = m
		}
		outputs[out.Name] = true
		if _, ok := inputs[out.Name]; ok {
			available[artifact] = inputs[out.Name]
		} else {
			available[artifact] = ""
			c.produced[artifact] = where
		}
	}
	for name := range outputMapping {
		if !outputs[name] {
			c.problemf("%s: output_mapping names %s, which the task does not produce", where, name)
		}
	}
}

// scriptRef finds the scripts/<name> a task script runs.
var scriptRef = regexp.MustCompile(`\bscripts/([a-z][a-z0-9-]*)\b`)

// checkTaskScript checks that a task's run.path is an executable file of the repository and
// that it runs the scripts people run, each of which exists and is executable.
func (c *pipelineCheck) checkTaskScript(where, rel string) {
	local := filepath.Join(c.root, filepath.FromSlash(rel))
	info, err := os.Stat(local)
	if err != nil {
		c.problemf("%s: run.path %s does not exist", where, rel)
		return
	}
	if info.Mode()&0o111 == 0 {
		c.problemf("%s: run.path %s is not executable", where, rel)
	}
	data, err := os.ReadFile(local)
	if err != nil {
		c.problemf("%s: %v", where, err)
		return
	}
	refs := scriptRef.FindAllStringSubmatch(string(data), -1)
	if len(refs) == 0 {
		c.problemf("%s: %s runs none of the scripts/ people run", where, rel)
	}
	for _, m := range refs {
		info, err := os.Stat(filepath.Join(c.root, "scripts", m[1]))
		if err != nil || info.Mode()&0o111 == 0 {
			c.problemf("%s: %s runs scripts/%s, which is not an executable script", where, rel, m[1])
		}
	}
}

// pipelineVar is a ((var)) reference.
var pipelineVar = regexp.MustCompile(`\(\(([^()]+)\)\)`)

// documentedVar is a line of the "Variables" block in the header comment: "#   name  text"
// (continuation lines are indented further).
var documentedVar = regexp.MustCompile(`^#   ([a-z][a-z0-9_]*)\s{2,}\S`)

// variables checks that every ((var)) outside comments is documented in the header comment's
// "Variables" block, and that every variable documented there is used.
func (c *pipelineCheck) variables(file string) {
	data, err := os.ReadFile(file)
	if err != nil {
		c.problemf("%v", err)
		return
	}
	documented := map[string]bool{}
	inBlock := false
	used := map[string]bool{}
	header := true
	for _, line := range strings.Split(string(data), "\n") {
		trimmed := strings.TrimSpace(line)
		if header && !strings.HasPrefix(trimmed, "#") {
			header = false
		}
		if header {
			if strings.HasPrefix(trimmed, "# Variables") {
				inBlock = true
				continue
			}
			if inBlock {
				if m := documentedVar.FindStringSubmatch(trimmed); m != nil {
					documented[m[1]] = true
				}
			}
			continue
		}
		if strings.HasPrefix(trimmed, "#") {
			continue
		}
		for _, m := range pipelineVar.FindAllStringSubmatch(line, -1) {
			used[strings.TrimSpace(m[1])] = true
		}
	}
	for _, v := range sortedSet(used) {
		if !documented[v] {
			c.problemf("((%s)) is not documented in the Variables block at the top of ci/pipeline.yml", v)
		}
	}
	for _, v := range sortedSet(documented) {
		if !used[v] {
			c.problemf("variable %s is documented but not used", v)
		}
	}
	tasks, _ := filepath.Glob(filepath.Join(c.root, "ci", "tasks", "*.yml"))
	for _, t := range tasks {
		data, err := os.ReadFile(t)
		if err == nil && pipelineVar.Match(data) {
			c.problemf("%s uses a ((var)); pass values through the pipeline's task params instead", filepath.Base(t))
		}
	}
}

func firstElem(p string) string {
	first, _, _ := strings.Cut(path.Clean(p), "/")
	return first
}

func restOf(p string) string {
	_, rest, _ := strings.Cut(path.Clean(p), "/")
	return rest
}

func asList(v any) []string {
	var out []string
	for _, e := range asAnyList(v) {
		if s, ok := e.(string); ok {
			out = append(out, s)
		}
	}
	return out
}

func asAnyList(v any) []any {
	l, _ := v.([]any)
	return l
}

func asMap(v any) map[string]any {
	m, _ := v.(map[string]any)
	return m
}

func asStringMap(v any) map[string]string {
	out := map[string]string{}
	for k, val := range asMap(v) {
		if s, ok := val.(string); ok {
			out[k] = s
		}
	}
	return out
}

func copyArtifacts(m map[string]string) map[string]string {
	out := make(map[string]string, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}

func sortedKeysOf(m map[string]string) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func sortedSet(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// copyTree copies dir (relative to releaseDir) into root, keeping file modes.
func copyTree(root, dir string) {
	GinkgoHelper()
	src := filepath.Join(releaseDir, dir)
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(releaseDir, p)
		dst := filepath.Join(root, rel)
		if d.IsDir() {
			return os.MkdirAll(dst, 0o755)
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(dst, data, info.Mode().Perm())
	})
	Expect(err).NotTo(HaveOccurred())
}

var _ = Describe("The Concourse pipeline", func() {
	It("reads as Concourse reads it and every job, resource, task, script and variable lines up", func() {
		Expect(pipelineProblems(releaseDir)).To(BeEmpty())
	})

	It("has the jobs the release process needs, the release one manual", func() {
		var p pipelineConfig
		Expect(decodeStrict(filepath.Join(releaseDir, "ci", "pipeline.yml"), &p)).To(Succeed())
		var names []string
		for _, j := range p.Jobs {
			names = append(names, j.Name)
			if j.Name == "ship-final-release" {
				for _, s := range j.Plan {
					Expect(s["trigger"]).To(BeNil(), "a final release is cut by hand")
				}
			}
		}
		Expect(names).To(ContainElements("unit", "e2e", "benchmarks", "dev-release", "compat", "fleet", "ship-final-release"))
	})

	DescribeTable("catches a pipeline that",
		func(mutate func(root string), problem string) {
			root := GinkgoT().TempDir()
			copyTree(root, "ci")
			copyTree(root, "scripts")
			Expect(pipelineProblems(root)).To(BeEmpty(), "the copy is fine before the change")
			mutate(root)
			Expect(pipelineProblems(root)).To(ContainElement(ContainSubstring(problem)))
		},
		Entry("names a job in passed that does not exist", editPipeline("passed: [unit]", "passed: [unit-tests]"), "passed names job unit-tests, which does not exist"),
		Entry("names a job in passed that never has the resource", editPipeline("passed: [e2e, dev-release, compat, fleet]", "passed: [e2e, bump-minor]"), "passed names job bump-minor, which does not get or put loggregator"),
		Entry("has a resource no job uses", editPipeline("jobs:\n", "- name: spare\n  type: time\n  source: {interval: 1h}\n\njobs:\n"), "resource spare is not used by any job"),
		Entry("uses a variable the header does not document", editPipeline("branch: ((version_branch))", "branch: ((version_branch_name))"), "((version_branch_name)) is not documented"),
		Entry("documents a variable nothing uses", editPipeline("branch: ((version_branch))", "branch: version"), "variable version_branch is documented but not used"),
		Entry("misspells a step key", editPipeline("    trigger: true\n", "    triggers: true\n"), `unknown key "triggers"`),
		Entry("puts a file from an artifact the job does not have", editPipeline("file: dev-release/loggregator-dev-*.tgz", "file: release/loggregator-dev-*.tgz"), "params.file release/loggregator-dev-*.tgz is not in an artifact"),
		Entry("names a task file that does not exist", func(root string) {
			Expect(os.Remove(filepath.Join(root, "ci", "tasks", "e2e.yml"))).To(Succeed())
		}, "task file ci/tasks/e2e.yml does not exist"),
		Entry("has a task file with a key Concourse does not know", func(root string) {
			appendFile(filepath.Join(root, "ci", "tasks", "unit.yml"), "image: golang\n")
		}, "field image not found"),
		Entry("has a task output no later step reads", editFile("ci/tasks/e2e.yml", "caches:\n", "outputs:\n- name: e2e-report\ncaches:\n"), "output e2e-report is used by no later step"),
		Entry("has a task input nothing provides", editFile("ci/tasks/compat.yml", "- name: loggregator\n", "- name: loggregator\n- name: previous-release\n"), "input previous-release is not an artifact"),
		Entry("sets a task param the task does not declare", editPipeline("BLOBSTORE_PRIVATE_YML: ((release_blobstore_private_yml))", "BLOBSTORE_PRIVATE_YML: ((release_blobstore_private_yml))\n      DRY_RUN: true"), "params.DRY_RUN is not a param"),
		Entry("runs a task script that is not executable", func(root string) {
			Expect(os.Chmod(filepath.Join(root, "ci", "tasks", "fleet.sh"), 0o644)).To(Succeed())
		}, "run.path ci/tasks/fleet.sh is not executable"),
		Entry("runs a task script that calls no script people run", func(root string) {
			Expect(os.WriteFile(filepath.Join(root, "ci", "tasks", "e2e.sh"), []byte("#!/bin/sh\ncd loggregator/src && go test ./test/e2e\n"), 0o755)).To(Succeed())
		}, "ci/tasks/e2e.sh runs none of the scripts/ people run"),
	)
})

// editPipeline replaces the first occurrence of old in the copy's ci/pipeline.yml.
func editPipeline(old, replacement string) func(root string) {
	return editFile("ci/pipeline.yml", old, replacement)
}

// editFile replaces the first occurrence of old in a file of the copy.
func editFile(rel, old, replacement string) func(root string) {
	return func(root string) {
		GinkgoHelper()
		file := filepath.Join(root, filepath.FromSlash(rel))
		data, err := os.ReadFile(file)
		Expect(err).NotTo(HaveOccurred())
		Expect(string(data)).To(ContainSubstring(old))
		Expect(os.WriteFile(file, []byte(strings.Replace(string(data), old, replacement, 1)), 0o644)).To(Succeed())
	}
}

func appendFile(file, text string) {
	GinkgoHelper()
	f, err := os.OpenFile(file, os.O_APPEND|os.O_WRONLY, 0)
	Expect(err).NotTo(HaveOccurred())
	_, err = f.WriteString(text)
	Expect(err).NotTo(HaveOccurred())
	Expect(f.Close()).To(Succeed())
}
