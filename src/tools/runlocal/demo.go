package main

import (
	"context"
	"fmt"
	"time"

	loggregator "code.cloudfoundry.org/go-loggregator/v10"
	"code.cloudfoundry.org/go-loggregator/v10/rpc/loggregator_v2"

	"loggregator/internal/mtls"
	"loggregator/tools/topology"
)

const demoSource = "sample-emitter"

// runDemo sends a numbered log line every half second through the forwarder
// (or the agent, or straight to the router, when those are not running) and prints each one as
// it arrives at a consumer of the rlp (or of the router when there is no rlp
// yet), with its end-to-end latency. When drain is not nil, each line the
// local syslog drain received is printed too, as the RFC 5424 message it is.
func runDemo(ctx context.Context, ep *topology.Endpoints, drain *drainReceiver) error {
	files := mtls.Files{CA: ep.CA, Cert: ep.ClientCert, Key: ep.ClientKey}
	ingressAddr, ingressName := ep.Endpoints["forwarder_ingress"], "metron"
	if ingressAddr == "" {
		ingressAddr = ep.Endpoints["agent_ingress"]
	}
	if ingressAddr == "" {
		ingressAddr, ingressName = ep.Endpoints["router_ingress"], "doppler"
	}
	egressAddr, egressName := ep.Endpoints["rlp_egress"], "reverselogproxy"
	if egressAddr == "" {
		egressAddr, egressName = ep.Endpoints["router_egress"], "doppler"
	}
	if ingressAddr == "" || egressAddr == "" {
		return fmt.Errorf("the demo needs an ingress and an egress endpoint; run with --no-demo")
	}

	consumerTLS, err := mtls.Client(files, egressName, nil)
	if err != nil {
		return err
	}
	connector := loggregator.NewEnvelopeStreamConnector(egressAddr, consumerTLS)
	stream := connector.Stream(ctx, &loggregator_v2.EgressBatchRequest{
		Selectors: []*loggregator_v2.Selector{{
			SourceId: demoSource,
			Message:  &loggregator_v2.Selector_Log{Log: &loggregator_v2.LogSelector{}},
		}},
	})

	emitterTLS, err := mtls.Client(files, ingressName, nil)
	if err != nil {
		return err
	}
	client, err := loggregator.NewIngressClient(emitterTLS,
		loggregator.WithAddr(ingressAddr),
		loggregator.WithTag("origin", demoSource),
		loggregator.WithBatchFlushInterval(10*time.Millisecond))
	if err != nil {
		return fmt.Errorf("emitter: %w", err)
	}
	defer func() { _ = client.CloseSend() }()

	fmt.Printf("\nSample emitter -> %s (%s); consumer <- %s (%s). Ctrl-C stops everything.\n", ingressAddr, ingressName, egressAddr, egressName)
	if drain != nil {
		fmt.Printf("Lines marked firehose came through the rlp; lines marked drain reached the local syslog drain through the syslog agent.\n")
		printed := make(chan struct{})
		defer func() { <-printed }()
		go func() {
			defer close(printed)
			for {
				select {
				case <-ctx.Done():
					return
				case line := <-drain.Lines:
					fmt.Printf("%s  drain     %s\n", time.Now().Format("15:04:05.000"), line)
				}
			}
		}()
	}
	fmt.Println()
	go func() {
		t := time.NewTicker(500 * time.Millisecond)
		defer t.Stop()
		for n := 1; ; n++ {
			client.EmitLog(fmt.Sprintf("hello from the sample emitter, line %d", n), loggregator.WithSourceInfo(demoSource, "APP", "0"), loggregator.WithStdout())
			select {
			case <-ctx.Done():
				return
			case <-t.C:
			}
		}
	}()

	for ctx.Err() == nil {
		for _, e := range stream() {
			if l := e.GetLog(); l != nil {
				lat := time.Since(time.Unix(0, e.GetTimestamp())).Round(100 * time.Microsecond)
				fmt.Printf("%s  firehose  %s/%s  %s  (%v end to end)\n", time.Now().Format("15:04:05.000"), e.GetSourceId(), e.GetInstanceId(), l.GetPayload(), lat)
			}
		}
	}
	return nil
}
