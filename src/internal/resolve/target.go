package resolve

import (
	"errors"
	"fmt"
	"net"
)

// Target is one configured address: a host (name or IP) and port, and the
// availability zone of the servers behind it when known.
type Target struct {
	Addr string `json:"addr"`
	AZ   string `json:"az,omitempty"`
}

// Targets are the configured addresses of one tier of servers, as the
// "targets" field of a component's config holds them.
type Targets []Target

// Validate requires at least one target and a host:port in each, naming the
// bad one under field ("routers.targets").
func (ts Targets) Validate(field string) error {
	if len(ts) == 0 {
		return errors.New(field + ": at least one address is required")
	}
	for i, t := range ts {
		if _, _, err := net.SplitHostPort(t.Addr); err != nil {
			return fmt.Errorf("%s[%d].addr: %w", field, i, err)
		}
	}
	return nil
}
