package routerpool_test

import (
	"context"
	"errors"
	"sync"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"loggregator/internal/metrics"
	"loggregator/internal/routerpool"
)

// dns is a settable name table standing in for the system resolver.
type dns struct {
	mu    sync.Mutex
	hosts map[string][]string
}

func (d *dns) lookup(_ context.Context, host string) ([]string, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	ips, ok := d.hosts[host]
	if !ok {
		return nil, errors.New("no such host")
	}
	return ips, nil
}

var _ = Describe("Resolver", func() {
	It("resolves names to addresses, keeps IPs, and prefers the targets in its zone", func() {
		d := &dns{hosts: map[string][]string{
			"all.doppler": {"10.0.1.1", "10.0.2.1"},
			"z2.doppler":  {"10.0.2.1"},
		}}
		r := routerpool.NewResolver([]routerpool.Target{
			{Addr: "all.doppler:8082"},
			{Addr: "z2.doppler:8082", AZ: "z2"},
			{Addr: "10.0.3.1:8082", AZ: "z3"},
		}, "z2", d.lookup, routerpool.NewMetrics(metrics.NewRegistry()))
		r.Resolve(context.Background())

		cur := r.Current()
		Expect(routerpool.All(cur)).To(Equal([]string{"10.0.1.1:8082", "10.0.2.1:8082", "10.0.3.1:8082"}))
		Expect(routerpool.Preferred(cur)).To(Equal([]string{"10.0.2.1:8082"}))
	})

	It("picks up routers that join or leave, and keeps the last addresses while DNS fails", func() {
		d := &dns{hosts: map[string][]string{"doppler": {"10.0.0.1"}}}
		r := routerpool.NewResolver([]routerpool.Target{{Addr: "doppler:8082"}}, "", d.lookup, routerpool.NewMetrics(metrics.NewRegistry()))
		r.Resolve(context.Background())
		Expect(routerpool.All(r.Current())).To(Equal([]string{"10.0.0.1:8082"}))

		d.mu.Lock()
		d.hosts["doppler"] = []string{"10.0.0.2", "10.0.0.3"}
		d.mu.Unlock()
		r.Resolve(context.Background())
		Expect(routerpool.All(r.Current())).To(Equal([]string{"10.0.0.2:8082", "10.0.0.3:8082"}))

		d.mu.Lock()
		delete(d.hosts, "doppler")
		d.mu.Unlock()
		r.Resolve(context.Background())
		Expect(routerpool.All(r.Current())).To(Equal([]string{"10.0.0.2:8082", "10.0.0.3:8082"}))
	})
})
