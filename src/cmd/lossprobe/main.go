// Command lossprobe emits numbered envelopes through an agent, reads them
// back through the reverse log proxy (and optionally the gateway) and reports
// what arrived. See loggregator/internal/lossprobe.
package main

import (
	"os"

	"loggregator/internal/lossprobe"
)

func main() { os.Exit(lossprobe.Main(os.Args[1:], os.Stdout, os.Stderr)) }
