// Command router is the router of the doppler job: v2 ingress from agents,
// subscriptions by selector, v2 egress streams. See internal/router.
package main

import (
	"os"

	"loggregator/internal/command"
	"loggregator/internal/router"
)

func main() { os.Exit(command.Main("router", router.DefaultConfig(), router.Run)) }
