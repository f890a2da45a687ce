// Command binding-cache polls Cloud Controller for syslog drain bindings and
// serves them to syslog agents. See package loggregator/internal/bindingcache.
package main

import (
	"os"

	"loggregator/internal/bindingcache"
	"loggregator/internal/command"
)

func main() {
	os.Exit(command.Main("binding-cache", bindingcache.DefaultConfig(), bindingcache.Run))
}
