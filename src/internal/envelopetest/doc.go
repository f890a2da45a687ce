// Package envelopetest holds stand-ins for the loggregator v2 APIs, for tests and benchmarks.
package envelopetest
