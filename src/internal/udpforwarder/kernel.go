package udpforwarder

import (
	"bufio"
	"errors"
	"fmt"
	"net"
	"os"
	"strconv"
	"strings"
	"syscall"
)

// The kernel's view of the socket: its receive buffer, and the datagrams it
// dropped because that buffer was full. Linux only; elsewhere the readers
// return errors and the forwarder reports nothing.
var (
	procRmemMax = "/proc/sys/net/core/rmem_max"
	procSNMP    = "/proc/net/snmp"
	procUDP     = "/proc/net/udp"
	procUDP6    = "/proc/net/udp6"
)

// setReceiveBuffer asks for want bytes of receive buffer and returns what
// the kernel granted. Linux doubles the request for its bookkeeping and
// reports the doubled value, capped at twice net.core.rmem_max, so half of
// what it reports is the payload the buffer holds.
func setReceiveBuffer(conn *net.UDPConn, want int) (int, error) {
	if want > 0 {
		if err := conn.SetReadBuffer(want); err != nil {
			return 0, fmt.Errorf("set receive buffer to %d bytes: %w", want, err)
		}
	}
	raw, err := conn.SyscallConn()
	if err != nil {
		return 0, err
	}
	var got int
	var sockErr error
	if err := raw.Control(func(fd uintptr) {
		got, sockErr = syscall.GetsockoptInt(int(fd), syscall.SOL_SOCKET, syscall.SO_RCVBUF)
	}); err != nil {
		return 0, err
	}
	if sockErr != nil {
		return 0, fmt.Errorf("read receive buffer size: %w", sockErr)
	}
	return got / 2, nil
}

// rmemMax reads net.core.rmem_max, the most an unprivileged process may set.
func rmemMax() (int, error) {
	b, err := os.ReadFile(procRmemMax)
	if err != nil {
		return 0, err
	}
	return strconv.Atoi(strings.TrimSpace(string(b)))
}

// socketInode returns the inode of conn's socket, which names it in /proc/net/udp.
func socketInode(conn *net.UDPConn) (string, error) {
	raw, err := conn.SyscallConn()
	if err != nil {
		return "", err
	}
	var link string
	var linkErr error
	if err := raw.Control(func(fd uintptr) {
		link, linkErr = os.Readlink(fmt.Sprintf("/proc/self/fd/%d", fd))
	}); err != nil {
		return "", err
	}
	if linkErr != nil {
		return "", linkErr
	}
	inode, ok := strings.CutPrefix(link, "socket:[")
	if !ok {
		return "", fmt.Errorf("fd link %q is not a socket", link)
	}
	return strings.TrimSuffix(inode, "]"), nil
}

// rcvbufErrors reads the host's Udp RcvbufErrors from /proc/net/snmp: a
// header line naming the fields, then a line of values.
func rcvbufErrors() (uint64, error) {
	f, err := os.Open(procSNMP)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	var header []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		if len(fields) == 0 || fields[0] != "Udp:" {
			continue
		}
		if header == nil {
			header = fields
			continue
		}
		for i, name := range header {
			if name == "RcvbufErrors" && i < len(fields) {
				return strconv.ParseUint(fields[i], 10, 64)
			}
		}
		break
	}
	return 0, errors.New(procSNMP + ": no Udp RcvbufErrors")
}

// socketDrops reads the drops column of the socket with inode from
// /proc/net/udp or /proc/net/udp6 (the last column; inode is the tenth).
func socketDrops(inode string) (uint64, error) {
	for _, path := range []string{procUDP, procUDP6} {
		f, err := os.Open(path)
		if err != nil {
			continue
		}
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			fields := strings.Fields(sc.Text())
			if len(fields) < 13 || fields[9] != inode {
				continue
			}
			f.Close()
			return strconv.ParseUint(fields[len(fields)-1], 10, 64)
		}
		f.Close()
	}
	return 0, fmt.Errorf("socket inode %s not in %s", inode, procUDP)
}
