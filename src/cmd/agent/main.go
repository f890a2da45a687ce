// Command agent is the per-VM agent: v2 ingress on 127.0.0.1:3458,
// forwarded in batches to the routers. See loggregator/internal/agent.
package main

import (
	"os"

	"loggregator/internal/agent"
	"loggregator/internal/command"
)

func main() { os.Exit(command.Main("agent", agent.DefaultConfig(), agent.Run)) }
