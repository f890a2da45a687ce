package promscraper

import "time"

// Target is what a spec sees of a target file once read.
type Target struct {
	File, URL, ServerName, SourceID, InstanceID string
	HTTPS                                       bool
	Headers, Labels                             map[string]string
	Interval                                    time.Duration
}

// ReadTargets exposes readTargets to the specs.
func ReadTargets(globs []string, defaultSourceID string, defaultInterval time.Duration) ([]Target, map[string]error) {
	ts, bad := readTargets(globs, defaultSourceID, defaultInterval)
	out := make([]Target, 0, len(ts))
	for _, t := range ts {
		out = append(out, Target{
			File: t.file, URL: t.url, ServerName: t.serverName, SourceID: t.sourceID, InstanceID: t.instanceID,
			HTTPS: t.https, Headers: t.headers, Labels: t.labels, Interval: t.interval,
		})
	}
	return out, bad
}
