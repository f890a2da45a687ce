// Package promscraper is the per-VM Prometheus scraper: it finds the
// /metrics endpoints that the jobs on its VM declare, scrapes each one every
// interval, and sends what it reads to the local agent as v2 envelopes, so
// firehose consumers see the metrics of programs that only speak Prometheus.
//
// Targets are declared in files (config/prom_scraper_config.yml, found
// through config_globs), one target per file, in the format of Cloud
// Foundry's prom scraper: port, source_id, instance_id, scheme, server_name,
// path, headers, labels, scrape_interval. The files are read again every
// scrape_interval, so a job deployed later is found without a restart and a
// job removed is no longer scraped. A file that does not parse, or names no
// valid port, is skipped, logged once and shown in target_files_invalid.
//
// Each target has its own goroutine, its own HTTP client (over mutual TLS
// with the scrape.tls identity and the file's server_name when the scheme
// is https) and its own timeout, so one that hangs, fails or returns
// garbage costs only its own scrape: the failure is counted in
// scrape_failures{reason} and the next interval tries again. A page is
// parsed with the Prometheus project's text parser (expfmt) and mapped by
// metrics.FromFamilies, the mapping every component uses for its own
// metrics, then sent to the agent's v2 Ingress in unary Send calls bounded
// by the same timeout; what the agent does not take is counted as dropped,
// never queued.
//
// The scraper's own metrics are served at /metrics and sent to the agent
// with source id "prom_scraper"; a target file that names the scraper's own
// /metrics port is skipped, so they are not sent twice.
//
// Ports: /metrics on 14821 (metrics.addr); it listens on nothing else.
package promscraper
