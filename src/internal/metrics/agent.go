package metrics

import (
	"context"
	"fmt"
	"log/slog"
	"net"
	"time"

	"code.cloudfoundry.org/go-loggregator/v10/rpc/loggregator_v2"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials"

	"loggregator/internal/mtls"
	"loggregator/internal/wire"
)

// AgentConfig is the "agent" section of a component's config: the local
// agent the component sends its own metrics to as envelopes.
type AgentConfig struct {
	// Addr is host:port of the agent's v2 Ingress API; empty sends nothing.
	Addr string `json:"addr"`
	// TLS is the component's client identity and the CA that signs the agent.
	TLS mtls.Files `json:"tls"`
	// ServerName is the name the agent's certificate must carry.
	ServerName string `json:"server_name"`
}

// DefaultAgentConfig sends nothing until Addr is set, and then expects the
// agent's certificate to carry the name "metron", as Cloud Foundry's does.
func DefaultAgentConfig() AgentConfig {
	return AgentConfig{ServerName: "metron"}
}

// Validate names the bad field under the prefix field ("agent"). The
// certificates and the server name are needed only when Addr is set.
func (a AgentConfig) Validate(field string) error {
	if a.Addr == "" {
		return nil
	}
	if _, _, err := net.SplitHostPort(a.Addr); err != nil {
		return fmt.Errorf("%s.addr: %w", field, err)
	}
	if a.ServerName == "" {
		return fmt.Errorf("%s.server_name: required when %s.addr is set", field, field)
	}
	return a.TLS.Validate(field + ".tls")
}

// EmitToAgent sends a snapshot of the registry (Envelopes(sourceID)) to the
// agent every interval until ctx ends, then closes its connection and
// returns nil. With an empty agent.Addr it returns nil at once; it returns an
// error only when the client's TLS config cannot be built.
//
// Each snapshot is one unary Ingress Send bounded by interval, so an agent
// that is down or does not answer costs a failed call per interval (and
// gRPC's own redials between them, backing off to one every two minutes)
// and never holds anything up: nothing is queued, and because counters go
// out as totals the next snapshot that arrives makes up for the ones that
// did not.
// (go-loggregator's IngressClient is not used: its Emit blocks once its
// 100-envelope channel is full and it never closes its connection.) The
// first failure and the recovery are logged, not every failed interval.
func (r *Registry) EmitToAgent(ctx context.Context, agent AgentConfig, cipherSuites []string, interval time.Duration, sourceID string, log *slog.Logger) error {
	if agent.Addr == "" {
		return nil
	}
	tlsCfg, err := mtls.Client(agent.TLS, agent.ServerName, cipherSuites)
	if err != nil {
		return fmt.Errorf("agent tls: %w", err)
	}
	conn, err := grpc.NewClient(agent.Addr, grpc.WithTransportCredentials(credentials.NewTLS(tlsCfg)), wire.Reconnect())
	if err != nil {
		return fmt.Errorf("agent %s: %w", agent.Addr, err)
	}
	defer func() {
		if err := conn.Close(); err != nil {
			log.Debug("close agent connection", "error", err.Error())
		}
	}()
	client := loggregator_v2.NewIngressClient(conn)
	log.Info("sending own metrics to the agent", "agent", agent.Addr, "source_id", sourceID, "interval", interval.String())

	failing := false
	r.Emit(ctx, interval, sourceID, func(envs []*loggregator_v2.Envelope) {
		sendCtx, cancel := context.WithTimeout(ctx, interval)
		_, err := client.Send(sendCtx, &loggregator_v2.EnvelopeBatch{Batch: envs})
		cancel()
		switch {
		case err != nil && ctx.Err() != nil:
			// Stopping: the call was cut short, nothing to report.
		case err != nil && !failing:
			failing = true
			log.Warn("cannot send own metrics to the agent; retrying every interval",
				"agent", agent.Addr, "error", err.Error())
		case err == nil && failing:
			failing = false
			log.Info("sending own metrics to the agent again", "agent", agent.Addr)
		}
	})
	return nil
}
