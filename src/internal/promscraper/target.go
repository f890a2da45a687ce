package promscraper

import (
	"errors"
	"fmt"
	"maps"
	"net"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"
)

// targetFile is one prom_scraper_config.yml, in the format of Cloud
// Foundry's prom scraper. Fields this scraper does not know are ignored:
// the files are written by other releases' jobs.
type targetFile struct {
	// Port is a string so that both `port: 9100` and `port: "9100"` read.
	Port           string            `yaml:"port"`
	SourceID       string            `yaml:"source_id"`
	InstanceID     string            `yaml:"instance_id"`
	Scheme         string            `yaml:"scheme"`
	ServerName     string            `yaml:"server_name"`
	Path           string            `yaml:"path"`
	Headers        map[string]string `yaml:"headers"`
	Labels         map[string]string `yaml:"labels"`
	ScrapeInterval string            `yaml:"scrape_interval"`
	CAPath         string            `yaml:"ca_path"`
	ClientCertPath string            `yaml:"client_cert_path"`
	ClientKeyPath  string            `yaml:"client_key_path"`
}

// target is one endpoint to scrape, as a target file declares it, with the
// scraper's defaults filled in. Two targets are equal when nothing about
// how they are scraped differs.
type target struct {
	file       string
	url        string // scheme://127.0.0.1:port/path
	port       int
	https      bool
	serverName string
	sourceID   string
	instanceID string
	headers    map[string]string
	labels     map[string]string
	interval   time.Duration
	caPath     string
	certPath   string
	keyPath    string
}

func (t *target) equal(o *target) bool {
	return t.file == o.file && t.url == o.url && t.https == o.https && t.serverName == o.serverName &&
		t.sourceID == o.sourceID && t.instanceID == o.instanceID && maps.Equal(t.headers, o.headers) &&
		maps.Equal(t.labels, o.labels) && t.interval == o.interval && t.caPath == o.caPath &&
		t.certPath == o.certPath && t.keyPath == o.keyPath
}

// readTargets reads every file the globs match, in path order. Files that
// cannot be used are returned in bad with the reason.
func readTargets(globs []string, defaultSourceID string, defaultInterval time.Duration) (targets []*target, bad map[string]error) {
	bad = map[string]error{}
	seen := map[string]bool{}
	var files []string
	for _, g := range globs {
		matches, err := filepath.Glob(g)
		if err != nil { // only a malformed pattern, which Validate refuses
			continue
		}
		for _, f := range matches {
			if !seen[f] {
				seen[f] = true
				files = append(files, f)
			}
		}
	}
	slices.Sort(files)
	for _, f := range files {
		t, err := readTarget(f, defaultSourceID, defaultInterval)
		if err != nil {
			bad[f] = err
			continue
		}
		targets = append(targets, t)
	}
	return targets, bad
}

func readTarget(path, defaultSourceID string, defaultInterval time.Duration) (*target, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var f targetFile
	if err := yaml.Unmarshal(data, &f); err != nil {
		return nil, fmt.Errorf("parse: %w", err)
	}
	port, err := strconv.Atoi(strings.TrimSpace(f.Port))
	if err != nil || port < 1 || port > 65535 {
		return nil, fmt.Errorf("port: %q is not a port number", f.Port)
	}
	t := &target{
		file:       path,
		port:       port,
		serverName: f.ServerName,
		sourceID:   f.SourceID,
		instanceID: f.InstanceID,
		headers:    f.Headers,
		labels:     f.Labels,
		interval:   defaultInterval,
		caPath:     f.CAPath,
		certPath:   f.ClientCertPath,
		keyPath:    f.ClientKeyPath,
	}
	if t.sourceID == "" {
		t.sourceID = defaultSourceID
	}
	scheme := f.Scheme
	switch scheme {
	case "", "http":
		scheme = "http"
	case "https":
		t.https = true
	default:
		return nil, fmt.Errorf("scheme: %q is neither http nor https", f.Scheme)
	}
	if f.ScrapeInterval != "" {
		d, err := time.ParseDuration(f.ScrapeInterval)
		if err != nil || d <= 0 {
			return nil, fmt.Errorf("scrape_interval: %q is not a positive duration", f.ScrapeInterval)
		}
		t.interval = d
	}
	if (t.certPath == "") != (t.keyPath == "") {
		return nil, errors.New("client_cert_path and client_key_path: set both or neither")
	}
	urlPath := "/" + strings.TrimPrefix(f.Path, "/")
	if f.Path == "" {
		urlPath = "/metrics"
	}
	t.url = scheme + "://" + net.JoinHostPort("127.0.0.1", strconv.Itoa(port)) + urlPath
	return t, nil
}
