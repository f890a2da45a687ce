package manifests_test

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// Each check returns the problems it found, one sentence each, so a failing
// spec lists every typo at once.

// checkJobsExist: every job of this release is a directory under jobs/ with
// a spec; every other job comes from a release the manifest lists and
// operators upload separately (bpm).
func checkJobsExist(m Manifest) []string {
	var problems []string
	releases := map[string]bool{}
	for _, r := range m.Releases {
		releases[r.Name] = true
	}
	for _, pj := range m.allJobs() {
		j := pj.Job
		switch {
		case !releases[j.Release]:
			problems = append(problems, fmt.Sprintf("%s: job %s names release %q, which releases: does not list", pj.Where, j.Name, j.Release))
		case j.Release == ownRelease:
			if _, err := os.Stat(filepath.Join(repoRoot, "jobs", j.Name, "spec")); err != nil {
				problems = append(problems, fmt.Sprintf("%s: job %s does not exist in jobs/", pj.Where, j.Name))
			}
		case !externalReleases[j.Release]:
			problems = append(problems, fmt.Sprintf("%s: job %s comes from release %q, which is neither ours nor documented", pj.Where, j.Name, j.Release))
		}
	}
	return problems
}

// checkProperties: every property set on a job of this release is declared
// in its spec; properties at instance group or deployment level (which the
// director merges in silently) are not used.
func checkProperties(d *deployment) []string {
	var problems []string
	if len(d.manifest.Properties) > 0 {
		problems = append(problems, "deployment-level properties: set them on the jobs that read them")
	}
	for _, ig := range d.manifest.InstanceGroups {
		if len(ig.Properties) > 0 {
			problems = append(problems, fmt.Sprintf("instance group %s: instance-group-level properties: set them on the jobs", ig.Name))
		}
	}
	for _, pj := range d.manifest.allJobs() {
		spec, ok := d.specs[pj.Job.Name]
		if !ok || pj.Job.Release != ownRelease {
			continue
		}
		for _, p := range undeclaredProperties(spec, pj.Job.Properties) {
			problems = append(problems, fmt.Sprintf("%s: job %s: property %s is not declared in jobs/%s/spec", pj.Where, pj.Job.Name, p, pj.Job.Name))
		}
	}
	return problems
}

// checkVariables: every ((variable)) is generated in variables: or listed
// in docs/deploying.md as operator-provided.
func checkVariables(doc any, m Manifest, operator map[string]operatorVar) []string {
	defined := map[string]bool{}
	for _, v := range m.Variables {
		defined[v.Name] = true
	}
	var problems []string
	for _, ref := range variableRefs(doc) {
		name := variableName(ref)
		if !defined[name] && operator[name].Name == "" {
			problems = append(problems, fmt.Sprintf("((%s)) is neither generated in variables: nor listed as operator-provided in docs/deploying.md", ref))
		}
	}
	return problems
}

// certUse is a certificate a job presents: the properties holding it, the
// name the component's peers check (empty when peers check only the CA),
// the key usages it needs and the property holding the CA it verifies its
// peers with.
type certUse struct {
	Job, Cert, Key, CA string
	Name               func(s *varStore) (string, error)
	Usages             []string
}

func fixedName(n string) func(*varStore) (string, error) {
	return func(*varStore) (string, error) { return n, nil }
}

// certUses lists, per job of this release, which certificate its peers
// check and under which name (see DESIGN.md: agent "metron", router
// "doppler", rlp "reverselogproxy"; the gateway's HTTPS name is the
// operator's gateway_external_name). The gateway's and the loss probe's
// client certificates need only come from the CA.
var certUses = []certUse{
	{Job: "doppler", Cert: "loggregator.tls.doppler.cert", Key: "loggregator.tls.doppler.key", CA: "loggregator.tls.ca_cert",
		Name: fixedName("doppler"), Usages: []string{"client_auth", "server_auth"}},
	{Job: "loggregator_agent", Cert: "loggregator.tls.agent.cert", Key: "loggregator.tls.agent.key", CA: "loggregator.tls.ca_cert",
		Name: fixedName("metron"), Usages: []string{"client_auth", "server_auth"}},
	{Job: "reverse_log_proxy", Cert: "loggregator.tls.reverse_log_proxy.cert", Key: "loggregator.tls.reverse_log_proxy.key", CA: "loggregator.tls.ca_cert",
		Name: fixedName("reverselogproxy"), Usages: []string{"client_auth", "server_auth"}},
	{Job: "reverse_log_proxy_gateway", Cert: "logs_provider.client_cert", Key: "logs_provider.client_key", CA: "logs_provider.ca_cert",
		Usages: []string{"client_auth"}},
	{Job: "log-loss-probe", Cert: "loggregator.tls.probe.cert", Key: "loggregator.tls.probe.key", CA: "loggregator.tls.ca_cert",
		Usages: []string{"client_auth"}},
	{Job: "reverse_log_proxy_gateway", Cert: "http.cert", Key: "http.key",
		Name: func(s *varStore) (string, error) {
			v, err := s.get("gateway_external_name")
			return fmt.Sprint(v), err
		}, Usages: []string{"server_auth"}},
}

// checkCertificates: every certificate variable is signed by a CA defined in
// variables:, and every job presents a certificate with the name its peers
// check, the key usages it needs, and verifies peers with the CA that signs
// the mesh.
func checkCertificates(m Manifest, store *varStore) []string {
	return checkCertificateUses(m, store, certUses)
}

// checkCertificateUses is checkCertificates for the given uses.
func checkCertificateUses(m Manifest, store *varStore, uses []certUse) []string {
	var problems []string
	defs := map[string]Variable{}
	for _, v := range m.Variables {
		defs[v.Name] = v
	}
	isCA := func(name string) bool {
		d, ok := defs[name]
		ca, _ := d.Options["is_ca"].(bool)
		return ok && d.Type == "certificate" && ca
	}
	issuer := map[string]string{}
	for _, v := range m.Variables {
		if v.Type != "certificate" || isCA(v.Name) {
			continue
		}
		ca, _ := v.Options["ca"].(string)
		if !isCA(ca) {
			problems = append(problems, fmt.Sprintf("certificate %s: options.ca %q is not a CA variable (type certificate, is_ca: true)", v.Name, ca))
			continue
		}
		issuer[v.Name] = ca
	}

	// refVar returns X for a property set to ((X.<field>)).
	refVar := func(props map[string]any, dotted, field string) (string, bool) {
		v, ok := property(props, dotted)
		s, isString := v.(string)
		if !ok || !isString {
			return "", false
		}
		m := variablePattern.FindStringSubmatch(s)
		if m == nil || m[0] != s || !strings.HasSuffix(m[1], "."+field) {
			return "", false
		}
		return strings.TrimSuffix(m[1], "."+field), true
	}

	for _, pj := range m.allJobs() {
		for _, use := range uses {
			if pj.Job.Name != use.Job || pj.Job.Release != ownRelease {
				continue
			}
			where := fmt.Sprintf("%s: job %s", pj.Where, pj.Job.Name)
			certVar, ok := refVar(pj.Job.Properties, use.Cert, "certificate")
			if !ok {
				problems = append(problems, fmt.Sprintf("%s: %s is not set to ((<variable>.certificate))", where, use.Cert))
				continue
			}
			if keyVar, ok := refVar(pj.Job.Properties, use.Key, "private_key"); !ok || keyVar != certVar {
				problems = append(problems, fmt.Sprintf("%s: %s should be ((%s.private_key))", where, use.Key, certVar))
			}
			def, generated := defs[certVar]
			if !generated {
				continue // operator-provided: its name is the operator's business
			}
			opts, err := store.interpolatedOptions(def)
			if err != nil {
				problems = append(problems, fmt.Sprintf("certificate %s: %v", certVar, err))
				continue
			}
			if use.Name != nil {
				want, err := use.Name(store)
				if err != nil {
					problems = append(problems, fmt.Sprintf("%s: %v", where, err))
				} else if !carriesName(opts, want) {
					problems = append(problems, fmt.Sprintf("%s: certificate %s (%s) does not carry the name %q its peers check", where, certVar, use.Cert, want))
				}
			}
			usages := stringList(opts["extended_key_usage"])
			for _, u := range use.Usages {
				if !slices.Contains(usages, u) {
					problems = append(problems, fmt.Sprintf("%s: certificate %s lacks extended_key_usage %s", where, certVar, u))
				}
			}
			if use.CA == "" {
				continue
			}
			caVar, byCert := refVar(pj.Job.Properties, use.CA, "certificate")
			if !byCert {
				leaf, byCA := refVar(pj.Job.Properties, use.CA, "ca")
				if !byCA {
					problems = append(problems, fmt.Sprintf("%s: %s is not set to ((<ca>.certificate)) or ((<leaf>.ca))", where, use.CA))
					continue
				}
				caVar = issuer[leaf]
				if isCA(leaf) {
					caVar = leaf
				}
			}
			if caVar != issuer[certVar] {
				problems = append(problems, fmt.Sprintf("%s: %s is CA %q but its certificate %s is signed by %q; the mesh has one CA", where, use.CA, caVar, certVar, issuer[certVar]))
			}
		}
	}
	return problems
}

func carriesName(opts map[string]any, name string) bool {
	if cn, _ := opts["common_name"].(string); cn == name {
		return true
	}
	return slices.Contains(stringList(opts["alternative_names"]), name)
}

func stringList(v any) []string {
	list, _ := v.([]any)
	out := make([]string, 0, len(list))
	for _, e := range list {
		out = append(out, fmt.Sprint(e))
	}
	return out
}
