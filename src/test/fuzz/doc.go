// Package fuzz holds fuzz targets that span components: every component's
// configuration decoder. Run one with
//
//	go test ./test/fuzz -run '^$' -fuzz FuzzConfigs -fuzztime 30s
//
// scripts/fuzz runs every fuzz target of the module for a bounded time.
package fuzz
