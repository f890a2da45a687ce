package udpforwarder

import "unsafe"

// UseProc points the kernel readers at other files for a spec and returns
// the function that restores them.
func UseProc(snmp, udp string) (restore func()) {
	oldSNMP, oldUDP, oldUDP6 := procSNMP, procUDP, procUDP6
	procSNMP, procUDP, procUDP6 = snmp, udp, udp+"6"
	return func() { procSNMP, procUDP, procUDP6 = oldSNMP, oldUDP, oldUDP6 }
}

// RcvbufErrors and SocketDrops are the kernel readers.
var (
	RcvbufErrors = rcvbufErrors
	SocketDrops  = socketDrops
)

// Keep copies p as the reader does; before is the offset past the datagrams
// kept so far, done the converter's offset.
func Keep(s *Slab, p []byte, before, done uint64) []byte { return (*slab)(s).keep(p, before, done) }

// Slab is the reader's slab.
type Slab slab

// Block is the start of the slab's current block, to tell blocks apart.
func Block(s *Slab) *byte { return unsafe.SliceData((*slab)(s).block) }
