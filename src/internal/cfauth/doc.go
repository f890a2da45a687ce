// Package cfauth decides whether a Cloud Foundry token may read logs, as
// Cloud Foundry's log endpoints do: UAA says whether the token is good and
// which scopes it has, Cloud Controller says which apps and service
// instances it may read.
//
// A token is checked with UAA's POST /check_token, authenticated with the
// component's own client credentials. A token with the doppler.firehose or
// logs.admin scope may read anything, the whole firehose included; any other
// token only the source ids Cloud Controller grants it, each a guid: the
// internal, mutual-TLS GET /internal/v4/log_access/<guid> for an app, then,
// when that refuses and an external API is configured, the public
// GET /v3/service_instances/<guid> for a service instance. The user's token
// is forwarded on both.
//
// Answers, allow and deny alike, are cached for Config.CacheTTL and never
// beyond the token's own expiry, keyed by a SHA-256 digest of the
// Authorization header so raw tokens stay only as long as a request. The
// cache is bounded by Config.CacheSize. A UAA or Cloud Controller that fails
// or does not answer within its timeout is an error (UnavailableError),
// never a denial and never cached, so the next request asks again.
//
// The Authorizer counts through the Metrics its caller registers, so each
// component keeps its metric names; callers map the errors to their own
// protocol (the gateway: denials are 404, unavailability 503).
package cfauth
