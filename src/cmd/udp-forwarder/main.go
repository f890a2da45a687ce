// Command udp-forwarder is the v1 ingress of a VM: dropsonde envelopes over
// UDP on 127.0.0.1:3457, converted to v2 and written to the local agent. See
// loggregator/internal/udpforwarder.
package main

import (
	"os"

	"loggregator/internal/command"
	"loggregator/internal/udpforwarder"
)

func main() {
	os.Exit(command.Main("udp-forwarder", udpforwarder.DefaultConfig(), udpforwarder.Run))
}
