package agent

import (
	"errors"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"strconv"

	"go.yaml.in/yaml/v3"
)

// protocolOTel is the protocol of an ingress_port.yml naming an
// OpenTelemetry collector, as Cloud Foundry's otel-collector job writes it.
const protocolOTel = "otelcol"

// target is one local destination as an ingress_port.yml describes it.
type target struct {
	// name labels the destination's metrics: the job's name, the directory
	// two levels above the file (/var/vcap/jobs/<job>/config/ingress_port.yml).
	name string
	path string
	addr string // 127.0.0.1:<ingress>
	otel bool   // protocol otelcol
}

// key identifies a destination: a file whose content changes becomes a
// new destination.
func (t target) key() string { return fmt.Sprintf("%s|%s|%t", t.path, t.addr, t.otel) }

// portFile is the content of an ingress_port.yml.
type portFile struct {
	Ingress  string `yaml:"ingress"`
	Protocol string `yaml:"protocol"`
}

// discover reads every file matching glob. Files it cannot use are
// returned in bad with the reason; a file naming skipPort (the agent's
// own ingress) is left out so the agent never forwards to itself.
func discover(glob string, skipPort int) (found []target, bad map[string]error, err error) {
	paths, err := filepath.Glob(glob)
	if err != nil {
		return nil, nil, fmt.Errorf("downstream_ingress_port_glob %q: %w", glob, err)
	}
	bad = map[string]error{}
	for _, p := range paths {
		t, err := readTarget(p)
		if err != nil {
			bad[p] = err
			continue
		}
		if port, _ := strconv.Atoi(t.addr[len("127.0.0.1:"):]); port == skipPort {
			continue
		}
		found = append(found, t)
	}
	return found, bad, nil
}

func readTarget(path string) (target, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return target{}, err
	}
	var f portFile
	if err := yaml.Unmarshal(data, &f); err != nil {
		return target{}, fmt.Errorf("parse: %w", err)
	}
	port, err := strconv.Atoi(f.Ingress)
	switch {
	case f.Ingress == "":
		return target{}, errors.New("ingress: missing")
	case err != nil || port < 1 || port > 65535:
		return target{}, fmt.Errorf("ingress: %q is not a port", f.Ingress)
	case f.Protocol != "" && f.Protocol != protocolOTel:
		return target{}, fmt.Errorf("protocol: %q is not supported (only %q, or none for v2 Ingress)", f.Protocol, protocolOTel)
	}
	return target{
		name: filepath.Base(filepath.Dir(filepath.Dir(path))),
		path: path,
		addr: net.JoinHostPort("127.0.0.1", strconv.Itoa(port)),
		otel: f.Protocol == protocolOTel,
	}, nil
}
