// Command trafficcontroller serves the v1 websocket firehose and app
// streams over the routers. See package loggregator/internal/trafficcontroller.
package main

import (
	"os"

	"loggregator/internal/command"
	"loggregator/internal/trafficcontroller"
)

func main() {
	os.Exit(command.Main("trafficcontroller", trafficcontroller.DefaultConfig(), trafficcontroller.Run))
}
