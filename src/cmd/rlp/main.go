// Command rlp is the reverse log proxy: it serves the v2 Egress API and
// merges, for each consumer, one subscription on every router.
package main

import (
	"os"

	"loggregator/internal/command"
	"loggregator/internal/rlp"
)

func main() { os.Exit(command.Main("rlp", rlp.DefaultConfig(), rlp.Run)) }
