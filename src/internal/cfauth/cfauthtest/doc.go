// Package cfauthtest has stand-ins for UAA and Cloud Controller for the
// specs of anything that authorizes with cfauth: real HTTPS servers on
// 127.0.0.1 that speak the parts of the documented APIs cfauth calls, with
// the tokens, scopes and grants a spec sets, call counts, and a switch that
// makes them fail (500) or hang.
//
// Each stand-in serves with the *tls.Config the spec gives it, typically
// built from loggregator/internal/certgen certificates, so the code under
// test verifies it as it would the real service. Close it when the spec
// ends; Close also releases requests held by Hang.
//
// SyslogDrains stands in for Cloud Controller's internal
// /internal/v5/syslog_drain_urls, with paging, for the binding cache's
// suites; besides failing and hanging it can answer garbage, cut a page off
// halfway, fail from a given page on, or answer late.
package cfauthtest
