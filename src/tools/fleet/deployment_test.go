package fleet

import (
	"encoding/json"
	"os"
	"path/filepath"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
)

// placed is manifests/loggregator.yml shaped and placed as the fleet runs
// it, without Docker.
func placed() (*Deployment, []*Instance) {
	GinkgoHelper()
	m, err := LoadManifest("../../../manifests/loggregator.yml", ManifestVars("loggregator"))
	Expect(err).NotTo(HaveOccurred())
	Expect(m.Reshape(DefaultShape())).To(Succeed())
	d, err := NewDeployment(m, GinkgoT().TempDir())
	Expect(err).NotTo(HaveOccurred())
	var all []*Instance
	for _, g := range m.InstanceGroups {
		for i := 0; i < g.Instances; i++ {
			all = append(all, &Instance{Group: g, Index: i, ID: InstanceID(g.Name, i), AZ: g.AZs[i%len(g.AZs)], IP: "172.29.0.10"})
		}
	}
	return d, all
}

func readJSON(path string) map[string]any {
	GinkgoHelper()
	data, err := os.ReadFile(path)
	Expect(err).NotTo(HaveOccurred())
	var v map[string]any
	Expect(json.Unmarshal(data, &v)).To(Succeed())
	return v
}

var _ = Describe("Reshape", func() {
	It("sets the counts and zones, drops the errand group and colocates the probe with each agent VM", func() {
		d, _ := placed()
		m := d.Manifest
		Expect(m.Group("doppler").Instances).To(Equal(3))
		Expect(m.Group("doppler").AZs).To(Equal([]string{"z1", "z2"}))
		Expect(m.Group("log-api").Instances).To(Equal(2))
		Expect(m.Group("emitter").Instances).To(Equal(3))
		Expect(m.Group("log-loss-probe")).To(BeNil())
		Expect(m.Group("emitter").Job("log-loss-probe")).NotTo(BeNil())
	})
})

var _ = Describe("Deployment.Render", func() {
	It("wires an agent to the routers by their group name and every instance's name, with zones", func() {
		d, all := placed()
		out := GinkgoT().TempDir()
		var emitter *Instance
		for _, in := range all {
			if in.Group.Name == "emitter" && in.Index == 1 {
				emitter = in
			}
		}
		Expect(d.Render("../../..", emitter, all, out)).To(Succeed())
		agent := readJSON(filepath.Join(out, "loggregator_agent", "config", "agent.json"))
		targets := agent["routers"].(map[string]any)["targets"].([]any)
		Expect(targets).To(ContainElement(map[string]any{"addr": "q-s0.doppler.default.loggregator.bosh:8082"}))
		Expect(targets).To(ContainElement(map[string]any{
			"addr": InstanceID("doppler", 1) + ".doppler.default.loggregator.bosh:8082", "az": "z2"}))
		Expect(agent["zone"]).To(Equal("z2"))
		Expect(agent["index"]).To(Equal(emitter.ID))

		probe := readJSON(filepath.Join(out, "log-loss-probe", "config", "lossprobe.json"))
		Expect(probe["egress"].(map[string]any)["addr"]).To(Equal("q-s0.log-api.default.loggregator.bosh:8082"))
		Expect(probe["gateway"].(map[string]any)["url"]).To(Equal("https://q-s0.log-api.default.loggregator.bosh:8088"))
		Expect(filepath.Join(out, "loggregator_agent", "bin", "drain")).To(BeAnExistingFile())
		Expect(filepath.Join(out, "bpm")).NotTo(BeAnExistingFile(), "another release's job is not rendered")
	})

	It("points an rlp at the routers' group name", func() {
		d, all := placed()
		out := GinkgoT().TempDir()
		for _, in := range all {
			if in.Group.Name == "log-api" {
				Expect(d.Render("../../..", in, all, out)).To(Succeed())
				break
			}
		}
		rlp := readJSON(filepath.Join(out, "reverse_log_proxy", "config", "rlp.json"))
		Expect(rlp["routers"].(map[string]any)["targets"]).To(ConsistOf(map[string]any{"addr": "q-s0.doppler.default.loggregator.bosh:8082"}))
		gw := readJSON(filepath.Join(out, "reverse_log_proxy_gateway", "config", "gateway.json"))
		Expect(gw["logs_provider"].(map[string]any)["addr"]).To(Equal("q-s0.log-api.default.loggregator.bosh:8082"))
	})
})

var _ = Describe("InstanceID", func() {
	It("is stable and shaped like a UUID", func() {
		Expect(InstanceID("doppler", 0)).To(Equal(InstanceID("doppler", 0)))
		Expect(InstanceID("doppler", 0)).NotTo(Equal(InstanceID("doppler", 1)))
		Expect(InstanceID("doppler", 0)).To(MatchRegexp(`^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$`))
	})
})
