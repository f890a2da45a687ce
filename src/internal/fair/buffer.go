package fair

import (
	"context"
	"os"
	"sync/atomic"

	"loggregator/internal/diode"
	"loggregator/internal/wire"
)

// DefaultLanes is the number of lanes components use: a quiet source
// shares its lane with a given noisy one in one process of 16.
const DefaultLanes = 16

// MaxShare bounds the part of the buffer one lane may hold: at least
// 1/MaxShare of it, so one source can still take a burst of a quarter of
// the configured size (an agent's batch of 1,000 in a router's 10,000)
// however many lanes there are.
const MaxShare = 4

// quantum is how many entries the reader takes from one lane before it
// moves on while several lanes hold entries.
const quantum = 16

// Buffer is a drop-oldest buffer of encoded envelopes split into lanes by
// source id, so that a source that floods it overwrites only its own lane.
// Set and SetSource may be called from any goroutine; TryNext, Next and
// NextBatch from one goroutine at a time (the reader).
type Buffer struct {
	lanes []lane
	per   int // entries a lane holds
	salt  uint64
	wake  chan struct{} // capacity 1; a token means "look again"
	// onDrop and onSource are called by the reader; see New.
	onDrop   func(n int)
	onSource func(source []byte, n int)

	_ [64]byte
	// waiting is set by the reader just before it parks on wake and cleared
	// by the first writer that sees it, as in the diode.
	waiting atomic.Bool
	_       [64]byte

	// next is the lane the reader starts its next pass at; last is the lane
	// TryNext took from last, run how many it took from it in a row (0
	// once it moved on, or after NextBatch). Reader-owned.
	next, last, run int
}

// lane is one source-keyed part of the buffer. pending is reader-owned: the
// entries the lane's diode reported lost and that are not yet attributed to
// a source.
type lane struct {
	d       *diode.ManyToOne[[]byte]
	pending int
}

// Options are a Buffer's settings besides its size.
type Options struct {
	// Lanes is the number of lanes, DefaultLanes if 0. A Buffer smaller
	// than Lanes has one lane per entry.
	Lanes int
	// Salt picks which sources share a lane (see Lane); give each process
	// its own, for example Salt of its identity.
	Salt uint64
	// OnDrop, which may be nil, is called by the reader with every count
	// of entries overwritten, as soon as it learns of them.
	OnDrop func(n int)
	// OnSource, which may be nil, is then told the source the same entries
	// are charged to (see the package doc for how it is chosen).
	OnSource func(source []byte, n int)
	// Diode options apply to every lane's diode: a diode.WithBudget puts
	// all lanes under the process's byte budget. Its drops are counted by
	// its own callback and not charged to a source.
	Diode []diode.Option[[]byte]
}

// New returns a Buffer of o.Lanes lanes of ceil(size/min(lanes,
// MaxShare)) entries each: size in all with up to MaxShare lanes, up to
// size*lanes/MaxShare with more, which only as many sources flooding at
// once can fill. It panics if size is less than 1.
func New(size int, o Options) *Buffer {
	if size < 1 {
		panic("fair: size must be at least 1")
	}
	lanes, per := shape(size, o.Lanes)
	b := &Buffer{
		lanes:    make([]lane, lanes),
		per:      per,
		salt:     o.Salt,
		wake:     make(chan struct{}, 1),
		onDrop:   o.OnDrop,
		onSource: o.OnSource,
	}
	for i := range b.lanes {
		l := &b.lanes[i]
		l.d = diode.NewManyToOne[[]byte](per, func(n int) {
			l.pending += n
			if b.onDrop != nil {
				b.onDrop(n)
			}
		}, o.Diode...)
	}
	return b
}

// Slots returns how many entries a Buffer of size and lanes (as in
// New and Options.Lanes) has room for in all: its slot arrays are that
// many diode slots, allocated up front.
func Slots(size, lanes int) int {
	n, per := shape(max(size, 1), lanes)
	return n * per
}

// shape returns the lanes and the entries per lane of a Buffer of size.
func shape(size, lanes int) (n, per int) {
	if lanes < 1 {
		lanes = DefaultLanes
	}
	lanes = min(lanes, size)
	share := min(lanes, MaxShare)
	return lanes, (size + share - 1) / share
}

// Set stores env in the lane of its source_id, which it reads from env
// without decoding it; an envelope it cannot read goes to the lane of the
// empty source id. Like diode.ManyToOne.Set it never waits for the reader
// and never allocates. A Buffer of one lane does not read the source_id.
func (b *Buffer) Set(env []byte) {
	if len(b.lanes) == 1 {
		b.SetSource(nil, env)
		return
	}
	b.SetSource(SourceID(env), env)
}

// SetSource stores env in the lane of source, for a caller that has read
// env's source_id already.
func (b *Buffer) SetSource(source, env []byte) {
	b.lanes[b.laneOf(source)].d.Set(env)
	if b.waiting.Load() && b.waiting.CompareAndSwap(true, false) {
		select {
		case b.wake <- struct{}{}:
		default:
		}
	}
}

func (b *Buffer) laneOf(source []byte) int {
	if len(b.lanes) == 1 {
		return 0
	}
	return Lane(b.salt, len(b.lanes), source)
}

// Lane is the lane of lanes that a Buffer with salt puts source's
// envelopes in: FNV-1a of source started from salt, finished with a
// 64-bit mixer so every bit of the hash decides the lane.
func Lane(salt uint64, lanes int, source []byte) int {
	h := salt ^ fnvOffset
	for _, c := range source {
		h ^= uint64(c)
		h *= fnvPrime
	}
	h ^= h >> 33
	h *= 0xff51afd7ed558ccd
	h ^= h >> 33
	return int(h % uint64(lanes))
}

// HostSalt is Salt of this host's name followed by parts (a listen
// address, say): for the processes that see the same sources on every host
// (routers, reverse log proxies, traffic controllers). An unreadable host
// name counts as "", and the parts still salt.
func HostSalt(parts ...string) uint64 {
	host, _ := os.Hostname()
	return Salt(append([]string{host}, parts...)...)
}

// Salt is a salt made of a process's identity (deployment, job, index,
// address, ...), so that processes of a fleet put two given sources
// together in different places and each keeps its choice across restarts.
func Salt(identity ...string) uint64 {
	h := uint64(fnvOffset)
	for _, s := range identity {
		for i := 0; i < len(s); i++ {
			h ^= uint64(s[i])
			h *= fnvPrime
		}
		h ^= 0xff // a separator: ("ab", "c") and ("a", "bc") differ
		h *= fnvPrime
	}
	return h
}

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// TryNext returns the oldest entry of the lane it last took from, while
// that lane holds one and has given fewer than a quantum in a row, and
// otherwise of the next lane that holds one; false at once if every lane
// is empty. So lanes take turns a quantum at a time, as in NextBatch, and
// one busy source costs a look at each idle lane per quantum, not per
// entry.
func (b *Buffer) TryNext() ([]byte, bool) {
	if b.run > 0 && b.run < quantum {
		if v, ok := b.take(b.last); ok {
			b.run++
			return v, true
		}
	}
	b.run = 0
	for range b.lanes {
		i := b.next
		b.next++
		if b.next == len(b.lanes) {
			b.next = 0
		}
		if v, ok := b.take(i); ok {
			b.last, b.run = i, 1
			return v, true
		}
	}
	return nil, false
}

// Reckon counts, through OnDrop, what writers have overwritten in every
// lane since the reader last read, without reading (diode.ManyToOne.Reckon);
// the source the drops are charged to is told when the lane is next read.
// Only the reader may call it.
func (b *Buffer) Reckon() {
	for i := range b.lanes {
		b.lanes[i].d.Reckon()
	}
}

// Next returns an entry as TryNext does, waiting for one to be written. It
// returns false only when every lane is empty and ctx is done.
func (b *Buffer) Next(ctx context.Context) ([]byte, bool) {
	for {
		if v, ok := b.TryNext(); ok {
			return v, true
		}
		b.waiting.Store(true)
		if v, ok := b.TryNext(); ok {
			b.waiting.Store(false)
			return v, true
		}
		if !b.park(ctx) {
			return nil, false
		}
	}
}

// NextBatch appends up to cap(buf)-len(buf) entries to buf, taking at most
// a quantum from each lane in turn while several hold entries, and waits as
// Next does until there is at least one. It returns buf unchanged when buf
// has no spare capacity or when every lane is empty and ctx is done.
func (b *Buffer) NextBatch(ctx context.Context, buf [][]byte) [][]byte {
	if len(buf) == cap(buf) {
		return buf
	}
	start := len(buf)
	for {
		if buf = b.fill(buf); len(buf) > start {
			return buf
		}
		b.waiting.Store(true)
		if buf = b.fill(buf); len(buf) > start {
			b.waiting.Store(false)
			return buf
		}
		if !b.park(ctx) {
			return buf
		}
	}
}

// park waits for a writer's token or ctx. It reports false when ctx ended.
func (b *Buffer) park(ctx context.Context) bool {
	select {
	case <-b.wake:
		return true
	case <-ctx.Done():
		b.waiting.Store(false)
		return false
	}
}

// fill makes passes over the lanes, from b.next on, until buf is full or a
// pass finds nothing. A pass takes up to quantum entries from each lane;
// once a pass finds a single lane with entries, the next takes as many as
// fit from it, so one busy source costs one look at each idle lane per
// pass, not per entry.
func (b *Buffer) fill(buf [][]byte) [][]byte {
	b.run = 0
	q := quantum
	for len(buf) < cap(buf) {
		busy := 0
		for range b.lanes {
			i := b.next
			b.next++
			if b.next == len(b.lanes) {
				b.next = 0
			}
			took := 0
			for took < q && len(buf) < cap(buf) {
				v, ok := b.take(i)
				if !ok {
					break
				}
				buf = append(buf, v)
				took++
			}
			if took > 0 {
				busy++
			}
			if len(buf) == cap(buf) {
				if took > 0 && took < q {
					// buf filled before lane i had its quantum: the
					// next call starts there.
					b.next = i
				}
				return buf
			}
		}
		switch busy {
		case 0:
			return buf
		case 1:
			q = cap(buf)
		default:
			q = quantum
		}
	}
	return buf
}

// take reads one entry from lane i and charges what the lane lost before
// it to the entry's source: after a gap a lane's next entry is, under a
// flood, the flooding source's.
func (b *Buffer) take(i int) ([]byte, bool) {
	l := &b.lanes[i]
	v, ok := l.d.TryNext()
	if ok && l.pending > 0 {
		n := l.pending
		l.pending = 0
		if b.onSource != nil {
			b.onSource(SourceID(v), n)
		}
	}
	return v, ok
}

// SourceID returns the source_id field of the encoded envelope env, a
// slice of env, or nil when env has none or cannot be read that far.
func SourceID(env []byte) []byte {
	const fieldSourceID = 2
	it := wire.NewFieldIter(env)
	for {
		num, _, data, ok := it.Next()
		if !ok {
			return nil
		}
		if num == fieldSourceID && data != nil {
			return data
		}
	}
}
