// Package bindingcache is the binding cache: it polls Cloud Controller for
// the syslog drains apps are bound to and serves them to the syslog agents,
// so thousands of agents ask one cache instead of Cloud Controller.
//
// Flow: every polling interval (and once at start) the cache reads Cloud
// Controller's internal GET /internal/v5/syslog_drain_urls over mutual TLS,
// page after page (batch_size URLs each) until next_id is null, merges the
// pages by URL, refuses the drain URLs it must not serve, and publishes the
// rest as one snapshot that GET /v2/bindings answers (package binding). The
// aggregate drains of the config are published once at start and answered
// by GET /v2/aggregate.
//
// A drain URL is refused, counted in refused_drains{reason} and, with
// warn_on_invalid_drains, named without credentials in one summary line per
// poll, when it does not parse, when its scheme is not syslog, syslog-tls,
// https or https-batch, when it has no host, or, with
// blacklisted_syslog_ranges set, when its host resolves into one of them or
// does not resolve.
//
// A poll that fails anywhere (Cloud Controller down, slower than cc.timeout
// for a page, answering an error status, garbage, a page cut short, more
// than cc.max_response_bytes in all, or next_id that does not advance)
// publishes nothing: the agents keep getting the last good set. It is
// counted in cc_polls{result="failed"} and cc_poll_failures{reason}, logged
// once per poll, and cc_last_successful_poll_age_seconds grows. Until the
// first poll succeeds /v2/bindings answers 503, so an agent never mistakes
// a cache that knows nothing for one that knows of no drain.
//
// Memory: the bytes read from Cloud Controller in one poll are bounded by
// cc.max_response_bytes; two snapshots (the one served and the one being
// built) are held at most.
//
// Ports: the bindings server on server.addr (external_port on BOSH), mutual
// TLS; /metrics on metrics.addr (14828).
package bindingcache
