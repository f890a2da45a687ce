// Command prom-scraper scrapes the Prometheus endpoints the jobs on its VM
// declare and sends what it reads to the local agent as v2 envelopes. See
// loggregator/internal/promscraper.
package main

import (
	"os"

	"loggregator/internal/command"
	"loggregator/internal/promscraper"
)

func main() { os.Exit(command.Main("prom-scraper", promscraper.DefaultConfig(), promscraper.Run)) }
