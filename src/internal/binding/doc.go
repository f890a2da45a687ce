// Package binding is the contract between the binding cache and the syslog
// agents: which syslog drains Cloud Foundry's apps are bound to, and which
// drains the operator configured for every app (aggregate drains).
//
// The cache serves two read-only JSON documents over mutual TLS, each a list
// of Binding:
//
//	GET /v2/bindings   every drain URL with, per set of credentials, the apps bound to it
//	GET /v2/aggregate  the aggregate drains, their Apps always empty
//
// Handler serves them from snapshots that are encoded once when published
// and swapped atomically, so a request never waits for a poll and never sees
// half of one; a document not yet published is answered 503, so an agent
// keeps what it had instead of taking "no drains" for an answer. Client
// fetches them, reading at most a bounded number of bytes, and fails with an
// error naming the URL when the cache answers anything other than a
// complete JSON list: an agent that gets an error keeps its last good set.
//
// The JSON names are those of Cloud Foundry's binding cache, so agents and
// caches of either project can be mixed.
package binding
