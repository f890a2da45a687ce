// Command gateway serves the reverse log proxy's streams over HTTPS as
// server-sent events. See package loggregator/internal/gateway.
package main

import (
	"os"

	"loggregator/internal/command"
	"loggregator/internal/gateway"
)

func main() { os.Exit(command.Main("gateway", gateway.DefaultConfig(), gateway.Run)) }
