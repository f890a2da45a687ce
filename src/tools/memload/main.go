// Command memload puts the loads of issue 11 on a system started by
// scripts/run-local and reports each process's peak resident memory. It
// reads tmp/local/endpoints.json for the addresses, certificates and pids.
//
//	memload --load agent    20 KB envelopes at 5,000/s into the agent (stop the router first: kill -STOP)
//	memload --load rlp      1,000 consumers on the rlp, each its own shard id, never reading, 10,000/s flowing
//	memload --load router   the same, subscribed on the router directly
//	                        (--firehose: the consumers select every source)
//	memload --load sse      500 gateway readers that never read, 10,000/s flowing
//
// It samples VmRSS of every process in endpoints.json every 100 ms while the
// load runs and prints the peak of each, in MiB.
package main

import (
	"context"
	"crypto/tls"
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"net/http"
	"os"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"code.cloudfoundry.org/go-loggregator/v10/rpc/loggregator_v2"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials"

	"loggregator/internal/mtls"
)

type endpoints struct {
	Endpoints  map[string]string `json:"endpoints"`
	CA         string            `json:"ca_cert"`
	ClientCert string            `json:"client_cert"`
	ClientKey  string            `json:"client_key"`
	PIDs       map[string]int    `json:"pids"`
}

func main() {
	path := flag.String("endpoints", "tmp/local/endpoints.json", "endpoints.json written by scripts/run-local")
	load := flag.String("load", "agent", "agent, rlp, router or sse")
	duration := flag.Duration("duration", 15*time.Second, "how long the load runs")
	firehose := flag.Bool("firehose", false, "with rlp or router: the consumers select every source's logs (a fair ring each) instead of source id memload (a diode each)")
	flag.Parse()

	data, err := os.ReadFile(*path)
	if err != nil {
		log.Fatal(err)
	}
	var ep endpoints
	if err := json.Unmarshal(data, &ep); err != nil {
		log.Fatal(err)
	}
	files := mtls.Files{CA: ep.CA, Cert: ep.ClientCert, Key: ep.ClientKey}
	ctx, cancel := context.WithTimeout(context.Background(), *duration)
	defer cancel()

	start := rss(ep.PIDs)
	var wg sync.WaitGroup
	var sent atomic.Int64
	switch *load {
	case "agent":
		for range 10 { // in parallel, so a slow call does not lower the rate
			wg.Go(func() { produce(ctx, files, ep.Endpoints["agent_ingress"], 500, 20_000, &sent) })
		}
	case "rlp", "router":
		addr, name := ep.Endpoints["rlp_egress"], "reverselogproxy"
		if *load == "router" {
			addr, name = ep.Endpoints["router_egress"], "doppler"
		}
		// 1,000 streams over 10 connections: a TLS handshake per stream
		// does not finish in time on a loaded machine.
		for c := range 10 {
			conn := dial(files, addr, name)
			defer conn.Close()
			for i := range 100 {
				wg.Go(func() { subscribe(ctx, conn, "memload-"+strconv.Itoa(c*100+i), *firehose) })
			}
		}
		for range 4 {
			wg.Go(func() { produce(ctx, files, ep.Endpoints["agent_ingress"], 2500, 200, &sent) })
		}
	case "sse":
		u := ep.Endpoints["gateway_url"]
		u = u[:strings.Index(u, "?")] + "?log&counter&gauge&event&timer&source_id=memload"
		for range 500 {
			wg.Go(func() { readSSE(ctx, u) })
		}
		for range 4 {
			wg.Go(func() { produce(ctx, files, ep.Endpoints["agent_ingress"], 2500, 200, &sent) })
		}
	default:
		log.Fatalf("unknown load %q", *load)
	}

	peak := map[string]int{}
	tick := time.NewTicker(100 * time.Millisecond)
	for ctx.Err() == nil {
		for job, kb := range rss(ep.PIDs) {
			peak[job] = max(peak[job], kb)
		}
		select {
		case <-tick.C:
		case <-ctx.Done():
		}
	}
	wg.Wait()
	jobs := make([]string, 0, len(peak))
	for j := range peak {
		jobs = append(jobs, j)
	}
	sort.Strings(jobs)
	fmt.Printf("load=%s duration=%s sent=%d envelopes (%.0f/s)\n", *load, *duration, sent.Load(), float64(sent.Load())/duration.Seconds())
	for _, j := range jobs {
		fmt.Printf("%-28s start %5d MiB  peak %5d MiB\n", j, start[j]>>10, peak[j]>>10)
	}
}

// rss is VmRSS of each pid, in KiB; processes that have gone are left out.
func rss(pids map[string]int) map[string]int {
	out := map[string]int{}
	for job, pid := range pids {
		data, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
		if err != nil {
			continue
		}
		for _, line := range strings.Split(string(data), "\n") {
			if f := strings.Fields(line); len(f) >= 2 && f[0] == "VmRSS:" {
				out[job], _ = strconv.Atoi(f[1])
			}
		}
	}
	return out
}

func dial(files mtls.Files, addr, serverName string) *grpc.ClientConn {
	tlsCfg, err := mtls.Client(files, serverName, nil)
	if err != nil {
		log.Fatal(err)
	}
	conn, err := grpc.NewClient(addr, grpc.WithTransportCredentials(credentials.NewTLS(tlsCfg)))
	if err != nil {
		log.Fatal(err)
	}
	return conn
}

// produce sends log envelopes of size bytes with source id "memload" at
// rate per second, in unary batches every 10 ms.
func produce(ctx context.Context, files mtls.Files, addr string, rate, size int, sent *atomic.Int64) {
	conn := dial(files, addr, "metron")
	defer conn.Close()
	c := loggregator_v2.NewIngressClient(conn)
	per := rate / 100
	payload := []byte(strings.Repeat("x", size))
	batch := &loggregator_v2.EnvelopeBatch{}
	for range per {
		batch.Batch = append(batch.Batch, &loggregator_v2.Envelope{
			SourceId: "memload",
			Message:  &loggregator_v2.Envelope_Log{Log: &loggregator_v2.Log{Payload: payload}},
		})
	}
	tick := time.NewTicker(10 * time.Millisecond)
	defer tick.Stop()
	for {
		now := time.Now().UnixNano()
		for _, e := range batch.Batch {
			e.Timestamp = now
		}
		if _, err := c.Send(ctx, batch); err == nil {
			sent.Add(int64(len(batch.Batch)))
		} else if ctx.Err() == nil {
			log.Printf("send: %v", err)
		}
		select {
		case <-tick.C:
		case <-ctx.Done():
			return
		}
	}
}

// subscribe opens a BatchedReceiver stream for the logs of source id
// "memload", or of every source with firehose, under its own shard id and
// never reads it.
func subscribe(ctx context.Context, conn *grpc.ClientConn, shard string, firehose bool) {
	req := &loggregator_v2.EgressBatchRequest{ShardId: shard, Selectors: []*loggregator_v2.Selector{
		{SourceId: "memload", Message: &loggregator_v2.Selector_Log{Log: &loggregator_v2.LogSelector{}}},
	}}
	if firehose {
		req.Selectors[0].SourceId = ""
	}
	if _, err := loggregator_v2.NewEgressClient(conn).BatchedReceiver(ctx, req); err != nil && ctx.Err() == nil {
		log.Printf("subscribe: %v", err)
	}
	<-ctx.Done()
}

// readSSE opens one gateway stream and never reads its body.
func readSSE(ctx context.Context, url string) {
	client := &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}, DisableKeepAlives: true}} //nolint:gosec // a local run's throw-away certificate
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		log.Fatal(err)
	}
	resp, err := client.Do(req)
	if err != nil {
		if ctx.Err() == nil {
			log.Printf("gateway: %v", err)
		}
		return
	}
	defer func() { _ = resp.Body.Close() }() // a body never read; nothing to report
	<-ctx.Done()
}
