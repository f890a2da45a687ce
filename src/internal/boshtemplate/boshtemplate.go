package boshtemplate

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// rendererPath is where the renderer lives, relative to the repository root.
const rendererPath = "scripts/bosh-template/render.rb"

// Context is everything a job's templates can see besides the job itself. Its
// JSON form is the renderer's --context file; zero fields get the renderer's
// local defaults.
type Context struct {
	// Properties are the job's properties as written in the manifest; only
	// those the job spec declares are visible to templates. Values may be
	// Maps (FromYAML makes them) to keep a manifest's key order.
	Properties map[string]any `json:"properties,omitempty"`
	// Links are keyed by the consumed link's name in the job spec.
	Links map[string]Link `json:"links,omitempty"`
	// Spec describes the instance the job is rendered for.
	Spec Spec `json:"spec,omitzero"`
}

// encode writes the context as the renderer's --context file, carrying
// property values as the director would (see encode in values.go).
func (c Context) encode() ([]byte, error) {
	var buf bytes.Buffer
	buf.WriteString(`{"properties":`)
	if err := encode(&buf, c.Properties); err != nil {
		return nil, fmt.Errorf("properties: %w", err)
	}
	links := make(map[string]any, len(c.Links))
	for name, l := range c.Links {
		m := Map{{Key: "properties", Value: l.Properties}, {Key: "instances", Value: l.Instances}}
		if l.Address != "" {
			m = append(m, Item{Key: "address", Value: l.Address})
		}
		links[name] = m
	}
	buf.WriteString(`,"links":`)
	if err := encode(&buf, links); err != nil {
		return nil, fmt.Errorf("links: %w", err)
	}
	spec, err := json.Marshal(c.Spec)
	if err != nil {
		return nil, fmt.Errorf("spec: %w", err)
	}
	buf.WriteString(`,"spec":`)
	buf.Write(spec)
	buf.WriteByte('}')
	return buf.Bytes(), nil
}

// Link is one resolved link: what the providing instance group shares.
type Link struct {
	Properties map[string]any `json:"properties,omitempty"`
	Instances  []LinkInstance `json:"instances"`
	// Address is what link(...).address returns, as for a manual link.
	Address string `json:"address,omitempty"`
}

// LinkInstance is one instance of the providing instance group.
type LinkInstance struct {
	Name      string `json:"name,omitempty"`
	ID        string `json:"id,omitempty"`
	Index     int    `json:"index"`
	AZ        string `json:"az,omitempty"`
	Address   string `json:"address,omitempty"`
	Bootstrap bool   `json:"bootstrap"`
}

// Spec is the instance a job is rendered for, as templates see it through
// spec. Nil and empty fields take the renderer's defaults (instance group
// named after the job, index 0, az z1, bootstrap, ip 127.0.0.1, deployment
// "local").
type Spec struct {
	Name       string         `json:"name,omitempty"`
	ID         string         `json:"id,omitempty"`
	Index      *int           `json:"index,omitempty"`
	AZ         string         `json:"az,omitempty"`
	IP         string         `json:"ip,omitempty"`
	Address    string         `json:"address,omitempty"`
	Deployment string         `json:"deployment,omitempty"`
	Bootstrap  *bool          `json:"bootstrap,omitempty"`
	Networks   map[string]any `json:"networks,omitempty"`
}

// Render renders the job in jobDir (a directory holding spec, monit and
// templates/) with ctx, writing each template to outDir/<destination> and the
// monit file to outDir/monit. The error carries the renderer's message.
func Render(jobDir string, ctx Context, outDir string) error {
	root, err := findRoot(jobDir)
	if err != nil {
		root, err = RepoRoot()
		if err != nil {
			return err
		}
	}
	ruby, err := exec.LookPath("ruby")
	if err != nil {
		return fmt.Errorf("render job %s: ruby is not installed (apt-get install -y ruby): %w", jobDir, err)
	}

	contextJSON, err := ctx.encode()
	if err != nil {
		return fmt.Errorf("render job %s: encode context: %w", jobDir, err)
	}
	contextFile, err := os.CreateTemp("", "bosh-template-context-*.json")
	if err != nil {
		return fmt.Errorf("render job %s: %w", jobDir, err)
	}
	defer os.Remove(contextFile.Name())
	if _, err := contextFile.Write(contextJSON); err != nil {
		contextFile.Close()
		return fmt.Errorf("render job %s: write context: %w", jobDir, err)
	}
	if err := contextFile.Close(); err != nil {
		return fmt.Errorf("render job %s: write context: %w", jobDir, err)
	}

	cmd := exec.Command(ruby, filepath.Join(root, rendererPath),
		"--job-dir", jobDir, "--context", contextFile.Name(), "--output", outDir)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		if msg := strings.TrimSpace(stderr.String()); msg != "" {
			return fmt.Errorf("render job %s: %s", jobDir, msg)
		}
		return fmt.Errorf("render job %s: %w", jobDir, err)
	}
	return nil
}

// RepoRoot returns the repository root: the nearest directory at or above
// the working directory that holds scripts/bosh-template/render.rb.
func RepoRoot() (string, error) {
	wd, err := os.Getwd()
	if err != nil {
		return "", fmt.Errorf("find repository root: %w", err)
	}
	return findRoot(wd)
}

func findRoot(start string) (string, error) {
	dir, err := filepath.Abs(start)
	if err != nil {
		return "", fmt.Errorf("find repository root from %s: %w", start, err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, rendererPath)); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("find repository root from " + start + ": no " + rendererPath + " above it")
		}
		dir = parent
	}
}
