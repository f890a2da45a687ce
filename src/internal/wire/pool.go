package wire

import (
	"math/bits"
	"sync"
)

// Buffer sizes the pool keeps: powers of two from 4 KiB to 4 MiB. A batch
// of 1000 envelopes of a few hundred bytes lands in the 256 or 512 KiB tier.
const (
	minPoolShift = 12
	maxPoolShift = 22
)

// dirtyPool is a mem.BufferPool whose buffers are not zeroed on Get.
//
// gRPC's default pool clears a buffer's whole capacity on every Get, so a
// 300 KiB batch taken from its 1 MiB tier cost a 1 MiB memclr per message
// (5-8 % of the router's and the rlp's CPU at 100,000 envelopes/s). Marshal
// overwrites every byte it hands out, so zeroing buys nothing there.
type dirtyPool struct {
	tiers [maxPoolShift - minPoolShift + 1]sync.Pool // tiers[i] holds *[]byte of cap 1<<(minPoolShift+i)
}

var marshalPool = &dirtyPool{}

// tier returns the index of the smallest tier that holds size, or -1.
func tier(size int) int {
	if size <= 1<<minPoolShift {
		return 0
	}
	shift := bits.Len(uint(size - 1))
	if shift > maxPoolShift {
		return -1
	}
	return shift - minPoolShift
}

// Get returns a buffer of length size whose contents are undefined.
func (p *dirtyPool) Get(size int) *[]byte {
	i := tier(size)
	if i < 0 {
		b := make([]byte, size)
		return &b
	}
	if v, ok := p.tiers[i].Get().(*[]byte); ok {
		*v = (*v)[:size]
		return v
	}
	b := make([]byte, size, 1<<(minPoolShift+i))
	return &b
}

// Put returns a buffer taken from Get. Buffers of a capacity no tier has
// are left to the garbage collector.
func (p *dirtyPool) Put(b *[]byte) {
	c := cap(*b)
	if c < 1<<minPoolShift || c > 1<<maxPoolShift || c&(c-1) != 0 {
		return
	}
	p.tiers[bits.Len(uint(c))-1-minPoolShift].Put(b)
}
