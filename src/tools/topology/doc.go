// Package topology starts this release's components on loopback the way BOSH
// would run them: it generates a throw-away CA and certificates, renders each
// job's templates with the project's template renderer and a local manifest
// (manifests/local.yml or one a test writes), and runs each binary from its
// rendered config. scripts/run-local, scripts/bench and the end-to-end suite
// are built on it.
//
// Jobs start in manifest order (list downstream components first) and stop in
// reverse order with SIGTERM, so each component delivers what it holds before
// the one it delivers to goes away.
package topology
