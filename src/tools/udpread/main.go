// Command udpread reads datagrams from a UDP socket exactly as the UDP
// forwarder's reader does (udpforwarder.Read, one core, the same receive
// buffer) and discards them: the forwarder's benchmark runs it beside the
// forwarder to show what reading alone costs on the machine, the floor under
// the forwarder's CPU per datagram. On SIGTERM or SIGINT it prints the number
// of datagrams it read and exits.
//
//	udpread --addr 127.0.0.1:3457 [--receive-buffer-bytes 4194304]
package main

import (
	"flag"
	"fmt"
	"net"
	"os"
	"os/signal"
	"runtime"
	"syscall"

	"loggregator/internal/udpforwarder"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:3457", "UDP address to read")
	rcvbuf := flag.Int("receive-buffer-bytes", udpforwarder.DefaultConfig().UDP.ReceiveBufferBytes, "SO_RCVBUF of the socket")
	flag.Parse()
	runtime.GOMAXPROCS(udpforwarder.DefaultConfig().MaxProcs)

	udpAddr, err := net.ResolveUDPAddr("udp", *addr)
	if err != nil {
		fail(err)
	}
	conn, err := net.ListenUDP("udp", udpAddr)
	if err != nil {
		fail(err)
	}
	if err := conn.SetReadBuffer(*rcvbuf); err != nil {
		fail(err)
	}
	stop := make(chan os.Signal, 1)
	signal.Notify(stop, syscall.SIGTERM, syscall.SIGINT)
	go func() { <-stop; _ = conn.Close() }()

	var read int
	fmt.Println("reading", conn.LocalAddr())
	if err := udpforwarder.Read(conn, func([]byte) {}, func(n int) { read += n }); err != nil {
		fail(err)
	}
	fmt.Println("read", read)
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "udpread:", err)
	os.Exit(1)
}
