package subscription

import (
	"slices"
	"strings"
	"sync"

	"code.cloudfoundry.org/go-loggregator/v10/rpc/loggregator_v2"

	"loggregator/internal/wire"
)

// selector is a compiled loggregator_v2.Selector.
type selector struct {
	sourceID string // "" matches every source
	kind     wire.Kind
	name     string   // counter name; "" matches every counter
	names    []string // gauge names that must all be present, sorted
}

func compile(s *loggregator_v2.Selector) selector {
	c := selector{sourceID: s.GetSourceId()}
	switch m := s.GetMessage().(type) {
	case *loggregator_v2.Selector_Log:
		c.kind = wire.KindLog
	case *loggregator_v2.Selector_Counter:
		c.kind, c.name = wire.KindCounter, m.Counter.GetName()
	case *loggregator_v2.Selector_Gauge:
		c.kind = wire.KindGauge
		c.names = slices.Clone(m.Gauge.GetNames())
		slices.Sort(c.names)
		c.names = slices.Compact(c.names)
	case *loggregator_v2.Selector_Timer:
		c.kind = wire.KindTimer
	case *loggregator_v2.Selector_Event:
		c.kind = wire.KindEvent
	}
	return c
}

func (s *selector) match(f *wire.Fields) bool {
	if f.Kind != s.kind || (s.sourceID != "" && s.sourceID != string(f.SourceID)) {
		return false
	}
	switch s.kind {
	case wire.KindCounter:
		return s.name == "" || s.name == string(f.Name)
	case wire.KindGauge:
		return len(s.names) == 0 || f.HasGaugeNames(s.names)
	}
	return true
}

// member is one subscriber of a target.
type member struct {
	id            uint64
	deliver       func(env []byte)
	deterministic bool
}

// target is a shard group: one or more members that share selectors and
// split what those select. Its selectors and key never change; members and
// deterministic are guarded by the registry's mu (written under Lock);
// next and stamp belong to the routing goroutine.
type target struct {
	selectors     []selector
	sources       []string // distinct source ids of selectors; "" means wildcard
	key           string   // shard group key; "" for a subscription without shard id
	members       []*member
	deterministic int // members that asked for deterministic_name
	next          uint64
	stamp         uint64
}

func (t *target) match(f *wire.Fields) bool {
	for i := range t.selectors {
		if t.selectors[i].match(f) {
			return true
		}
	}
	return false
}

// pick chooses the member for an envelope.
func (t *target) pick(f *wire.Fields) *member {
	n := uint64(len(t.members))
	if n == 1 {
		return t.members[0]
	}
	if t.deterministic > 0 && (f.Kind == wire.KindCounter || f.Kind == wire.KindGauge) {
		return t.members[f.NameHash()%n]
	}
	t.next++
	return t.members[t.next%n]
}

// Registry holds subscriptions and routes envelopes to them. Subscribe and
// unsubscribe may be called from any goroutine; RouteBatch from one
// goroutine at a time.
type Registry struct {
	mu       sync.RWMutex
	bySource map[string][]*target // guarded by mu
	wildcard []*target            // guarded by mu
	groups   map[string]*target   // guarded by mu
	count    int                  // subscriptions, guarded by mu
	nextID   uint64               // guarded by mu

	// stamp numbers envelopes so a target indexed under several source ids
	// gets an envelope once. Owned by the routing goroutine.
	stamp  uint64
	fields wire.Fields
}

// NewRegistry returns an empty registry.
func NewRegistry() *Registry {
	return &Registry{bySource: map[string][]*target{}, groups: map[string]*target{}}
}

// Subscribe registers deliver for req, which Validate must accept, and
// returns the function that removes it again (idempotent). deliver is called
// from the routing goroutine with envelopes it must not modify, and must
// return at once: hand the envelope to a diode.
func (r *Registry) Subscribe(req *loggregator_v2.EgressBatchRequest, deliver func(env []byte)) (unsubscribe func(), err error) {
	sels, err := Validate(req)
	if err != nil {
		return nil, err
	}
	compiled := make([]selector, 0, len(sels))
	for _, s := range sels {
		compiled = append(compiled, compile(s))
	}
	key := ""
	if req.GetShardId() != "" {
		key = groupKey(req.GetShardId(), compiled)
	}

	r.mu.Lock()
	defer r.mu.Unlock()
	t := r.groups[key]
	if key == "" || t == nil {
		t = &target{selectors: compiled, key: key}
		for _, s := range compiled {
			if !slices.Contains(t.sources, s.sourceID) {
				t.sources = append(t.sources, s.sourceID)
			}
		}
		r.index(t)
		if key != "" {
			r.groups[key] = t
		}
	}
	r.nextID++
	m := &member{id: r.nextID, deliver: deliver, deterministic: req.GetDeterministicName() != ""}
	t.members = append(t.members, m)
	if m.deterministic {
		t.deterministic++
	}
	r.count++

	var once sync.Once
	return func() { once.Do(func() { r.remove(t, m) }) }, nil
}

func (r *Registry) remove(t *target, m *member) {
	r.mu.Lock()
	defer r.mu.Unlock()
	i := slices.Index(t.members, m)
	if i < 0 {
		return
	}
	// A new slice, not an in-place delete, keeps the member order of the
	// rest stable for deterministic routing.
	t.members = slices.Delete(slices.Clone(t.members), i, i+1)
	if m.deterministic {
		t.deterministic--
	}
	r.count--
	if len(t.members) > 0 {
		return
	}
	r.unindex(t)
	if t.key != "" {
		delete(r.groups, t.key)
	}
}

func (r *Registry) index(t *target) {
	for _, src := range t.sources {
		if src == "" {
			r.wildcard = append(r.wildcard, t)
		} else {
			r.bySource[src] = append(r.bySource[src], t)
		}
	}
}

func (r *Registry) unindex(t *target) {
	without := func(ts []*target) []*target {
		return slices.DeleteFunc(slices.Clone(ts), func(x *target) bool { return x == t })
	}
	for _, src := range t.sources {
		if src == "" {
			r.wildcard = without(r.wildcard)
			continue
		}
		if ts := without(r.bySource[src]); len(ts) > 0 {
			r.bySource[src] = ts
		} else {
			delete(r.bySource, src)
		}
	}
}

// Len is the number of subscriptions.
func (r *Registry) Len() int {
	r.mu.RLock()
	defer r.mu.RUnlock()
	return r.count
}

// RouteBatch hands every envelope of envs to the subscriptions that select
// it and returns how many envelopes were malformed (and dropped). It takes
// the registry's read lock once per batch and allocates nothing.
func (r *Registry) RouteBatch(envs [][]byte) (invalid int) {
	r.mu.RLock()
	defer r.mu.RUnlock()
	f := &r.fields
	for _, env := range envs {
		if err := wire.Scan(env, f); err != nil {
			invalid++
			continue
		}
		r.stamp++
		for _, t := range r.bySource[string(f.SourceID)] {
			r.offer(t, env, f)
		}
		for _, t := range r.wildcard {
			r.offer(t, env, f)
		}
	}
	return invalid
}

func (r *Registry) offer(t *target, env []byte, f *wire.Fields) {
	if t.stamp == r.stamp {
		return
	}
	t.stamp = r.stamp
	if t.match(f) {
		t.pick(f).deliver(env)
	}
}

// groupKey identifies a shard group: the shard id and the selectors in
// canonical order.
func groupKey(shardID string, sels []selector) string {
	parts := make([]string, 0, len(sels))
	for _, s := range sels {
		parts = append(parts, s.describe())
	}
	slices.Sort(parts)
	parts = slices.Compact(parts)
	return shardID + "\x00" + strings.Join(parts, "\x00")
}
