// Command syslog-agent ships app logs to their syslog drains: v2 ingress on
// 127.0.0.1:3460, drains from the binding cache. See
// loggregator/internal/syslogagent.
package main

import (
	"os"

	"loggregator/internal/command"
	"loggregator/internal/syslogagent"
)

func main() { os.Exit(command.Main("syslog-agent", syslogagent.DefaultConfig(), syslogagent.Run)) }
