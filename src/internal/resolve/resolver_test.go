package resolve_test

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"loggregator/internal/leakcheck"
	"loggregator/internal/resolve"
)

var _ = leakcheck.EverySpec()

// dns is a settable name table standing in for the system resolver.
type dns struct {
	mu      sync.Mutex
	hosts   map[string][]string
	lookups int
}

func (d *dns) lookup(_ context.Context, host string) ([]string, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.lookups++
	ips, ok := d.hosts[host]
	if !ok {
		return nil, errors.New("no such host")
	}
	return ips, nil
}

func (d *dns) set(host string, ips ...string) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if ips == nil {
		delete(d.hosts, host)
		return
	}
	d.hosts[host] = ips
}

var _ = Describe("Resolver", func() {
	It("resolves names to addresses, keeps IPs, and prefers the targets in its zone", func() {
		d := &dns{hosts: map[string][]string{
			"all.doppler": {"10.0.1.1", "10.0.2.1"},
			"z1.doppler":  {"10.0.1.1"},
			"z2.doppler":  {"10.0.2.1"},
		}}
		r := resolve.New([]resolve.Target{
			{Addr: "all.doppler:8082"},
			{Addr: "z1.doppler:8082", AZ: "z1"},
			{Addr: "z2.doppler:8082", AZ: "z2"},
			{Addr: "10.0.3.1:8082", AZ: "z3"},
		}, resolve.Options{Zone: "z2", Lookup: d.lookup})
		r.Resolve(context.Background())

		cur := r.Current()
		Expect(cur.All).To(Equal([]string{"10.0.1.1:8082", "10.0.2.1:8082", "10.0.3.1:8082"}))
		Expect(cur.Preferred).To(Equal([]string{"10.0.2.1:8082"}))
	})

	It("prefers a server that only the zone-less name resolves to, once it joins, when the zoned targets cover other zones", func() {
		// As the agent's targets are rendered: the link's group name and
		// every instance then, with its zone. A router scaled out later
		// appears only behind the group name.
		d := &dns{hosts: map[string][]string{
			"all.doppler": {"10.0.1.1", "10.0.2.1"},
			"doppler-0":   {"10.0.1.1"},
			"doppler-1":   {"10.0.2.1"},
		}}
		r := resolve.New([]resolve.Target{
			{Addr: "all.doppler:8082"},
			{Addr: "doppler-0:8082", AZ: "z1"},
			{Addr: "doppler-1:8082", AZ: "z2"},
		}, resolve.Options{Zone: "z1", Lookup: d.lookup})
		Expect(r.Resolve(context.Background()).Preferred).To(Equal([]string{"10.0.1.1:8082"}))

		d.set("all.doppler", "10.0.1.1", "10.0.2.1", "10.0.2.7")
		cur := r.Resolve(context.Background())
		Expect(cur.Preferred).To(Equal([]string{"10.0.1.1:8082", "10.0.2.7:8082"}))
		Expect(cur.All).To(Equal([]string{"10.0.1.1:8082", "10.0.2.1:8082", "10.0.2.7:8082"}))
	})

	It("prefers only its zone's target when no target names another zone (a zone-specific override)", func() {
		d := &dns{hosts: map[string][]string{
			"all.doppler": {"10.0.1.1", "10.0.2.1"},
			"z1.doppler":  {"10.0.1.1"},
		}}
		r := resolve.New([]resolve.Target{
			{Addr: "all.doppler:8082"},
			{Addr: "z1.doppler:8082", AZ: "z1"},
		}, resolve.Options{Zone: "z1", Lookup: d.lookup})
		Expect(r.Resolve(context.Background()).Preferred).To(Equal([]string{"10.0.1.1:8082"}))
	})

	It("prefers none without a zone", func() {
		r := resolve.New([]resolve.Target{{Addr: "10.0.3.1:8082", AZ: "z3"}}, resolve.Options{})
		Expect(r.Resolve(context.Background()).Preferred).To(BeEmpty())
	})

	It("picks up servers that join or leave, and keeps the last addresses while DNS fails", func() {
		d := &dns{hosts: map[string][]string{"doppler": {"10.0.0.1"}}}
		r := resolve.New([]resolve.Target{{Addr: "doppler:8082"}}, resolve.Options{Lookup: d.lookup})
		r.Resolve(context.Background())
		Expect(r.Current().All).To(Equal([]string{"10.0.0.1:8082"}))

		d.set("doppler", "10.0.0.3", "10.0.0.2")
		r.Resolve(context.Background())
		Expect(r.Current().All).To(Equal([]string{"10.0.0.2:8082", "10.0.0.3:8082"}))

		d.set("doppler")
		r.Resolve(context.Background())
		Expect(r.Current().All).To(Equal([]string{"10.0.0.2:8082", "10.0.0.3:8082"}))

		d.set("doppler", []string{}...)
		r.Resolve(context.Background())
		Expect(r.Current().All).To(Equal([]string{"10.0.0.2:8082", "10.0.0.3:8082"}), "an empty answer is no answer")
	})

	It("looks up no IP target", func() {
		d := &dns{hosts: map[string][]string{}}
		r := resolve.New([]resolve.Target{{Addr: "127.0.0.1:8082"}, {Addr: "[fd00::1]:8082"}}, resolve.Options{Lookup: d.lookup})
		Expect(r.Resolve(context.Background()).All).To(Equal([]string{"127.0.0.1:8082", "[fd00::1]:8082"}))
		Expect(d.lookups).To(BeZero())
	})

	It("bumps the generation only when the set changes", func() {
		d := &dns{hosts: map[string][]string{"doppler": {"10.0.0.1"}}}
		r := resolve.New([]resolve.Target{{Addr: "doppler:8082"}}, resolve.Options{Lookup: d.lookup})
		Expect(r.Current().Gen).To(BeZero())
		Expect(r.Current().All).To(BeEmpty())

		first := r.Resolve(context.Background())
		Expect(first.Gen).To(Equal(uint64(1)))
		Expect(r.Resolve(context.Background())).To(BeIdenticalTo(first))

		d.set("doppler", "10.0.0.1", "10.0.0.2")
		Expect(r.Resolve(context.Background()).Gen).To(Equal(uint64(2)))
		d.set("doppler")
		Expect(r.Resolve(context.Background()).Gen).To(Equal(uint64(2)))
		Expect(first.All).To(Equal([]string{"10.0.0.1:8082"}), "a published set never changes")
	})

	It("calls OnResolve after every resolution, changed or not", func() {
		var calls, count atomic.Int64
		r := resolve.New([]resolve.Target{{Addr: "10.0.0.1:1"}, {Addr: "10.0.0.2:1"}}, resolve.Options{
			OnResolve: func(cur *resolve.Addrs) {
				calls.Add(1)
				count.Store(int64(len(cur.All)))
			},
		})
		r.Resolve(context.Background())
		r.Resolve(context.Background())
		Expect(calls.Load()).To(Equal(int64(2)))
		Expect(count.Load()).To(Equal(int64(2)))
	})

	It("re-resolves every interval until its context ends", func() {
		d := &dns{hosts: map[string][]string{"doppler": {"10.0.0.1"}}}
		r := resolve.New([]resolve.Target{{Addr: "doppler:8082"}}, resolve.Options{Lookup: d.lookup})
		ctx, cancel := context.WithCancel(context.Background())
		done := make(chan struct{})
		go func() {
			defer close(done)
			r.Run(ctx, 10*time.Millisecond)
		}()
		Eventually(func() []string { return r.Current().All }).Should(Equal([]string{"10.0.0.1:8082"}))
		d.set("doppler", "10.0.0.9")
		Eventually(func() []string { return r.Current().All }).Should(Equal([]string{"10.0.0.9:8082"}))
		cancel()
		Eventually(done).Should(BeClosed())
	})
})

var _ = Describe("Targets", func() {
	It("requires one target and names one without a port", func() {
		Expect(resolve.Targets{}.Validate("routers.targets")).To(MatchError("routers.targets: at least one address is required"))
		err := resolve.Targets{{Addr: "a:1"}, {Addr: "doppler"}}.Validate("routers.targets")
		Expect(err).To(MatchError(ContainSubstring("routers.targets[1].addr")))
		Expect(resolve.Targets{{Addr: "doppler:8082", AZ: "z1"}}.Validate("routers.targets")).To(Succeed())
	})
})
