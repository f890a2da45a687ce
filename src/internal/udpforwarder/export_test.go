package udpforwarder

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
