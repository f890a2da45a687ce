package lossprobe

import (
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"
)

// Report is the outcome of a run. The top-level figures are the rlp path's;
// Paths holds every path by name ("rlp", "gateway", "slow_consumer",
// "firehose", "firehose_slow").
type Report struct {
	RunID    string  `json:"run_id"`
	Rate     int     `json:"rate"` // configured; 0 is flat out
	Emitters int     `json:"emitters"`
	SendSecs float64 `json:"send_seconds"`
	Sent     uint64  `json:"sent"`
	// SendFailed counts envelopes whose Send returned an error; they are
	// not in Sent.
	SendFailed uint64  `json:"send_failed"`
	OfferedPS  float64 `json:"offered_per_s"` // Sent over SendSecs

	PathReport
	Paths map[string]PathReport `json:"paths"`

	// Send latency is the time one Send call took (one BatchSender or
	// unary call, or a Sender message per envelope of a batch).
	SendUsP50 float64 `json:"send_us_p50"`
	SendUsP99 float64 `json:"send_us_p99"`
	SendUsMax float64 `json:"send_us_max"`

	Processes map[string]ProcessReport `json:"processes,omitempty"`
	// CPUWindowSecs is the time over which Processes' CPU was taken, from
	// the first send to the end of the drain; CPU seconds over it is the
	// share of a core a process used while the probe ran.
	CPUWindowSecs float64 `json:"cpu_window_seconds,omitempty"`

	MaxLossPercent float64 `json:"max_loss_percent"`
	Passed         bool    `json:"passed"`
}

// ProcessReport is what a local component cost over the run, from first send
// to end of drain.
type ProcessReport struct {
	PID        int     `json:"pid"`
	CPUSeconds float64 `json:"cpu_seconds"`
	// CPUUsPerEnvelope is CPU µs per envelope delivered on the rlp path.
	CPUUsPerEnvelope float64 `json:"cpu_us_per_envelope"`
	PeakRSSKB        uint64  `json:"peak_rss_kb"`
	Error            string  `json:"error,omitempty"`
}

// WriteSummary writes the human summary: a few aligned lines per path.
func (r *Report) WriteSummary(w io.Writer) {
	mode := fmt.Sprintf("%d envelopes/s", r.Rate)
	if r.Rate == 0 {
		mode = "flat out"
	}
	fmt.Fprintf(w, "loss probe run %s: %d emitter(s), %s, %.1fs of sending\n", r.RunID, r.Emitters, mode, r.SendSecs)
	fmt.Fprintf(w, "  sent          %d (%.0f/s offered), %d failed to send\n", r.Sent, r.OfferedPS, r.SendFailed)
	fmt.Fprintf(w, "  producer Send p50 %.0f µs, p99 %.0f µs, max %.0f µs\n", r.SendUsP50, r.SendUsP99, r.SendUsMax)
	names := make([]string, 0, len(r.Paths))
	for n := range r.Paths {
		names = append(names, n)
	}
	slices.Sort(names)
	for _, n := range names {
		p := r.Paths[n]
		fmt.Fprintf(w, "  %-13s received %d, lost %d (%.4f %%), duplicates %d, out of order %d, %.0f/s delivered\n",
			n, p.Received, p.Lost, p.LossPercent, p.Duplicates, p.OutOfOrder, p.Throughput)
		fmt.Fprintf(w, "  %-13s latency p50 %.2f ms, p90 %.2f ms, p99 %.2f ms (%.2f ms for those sent %v or more after the first), max %.2f ms\n",
			"", p.LatencyMsP50, p.LatencyMsP90, p.LatencyMsP99, p.LatencyMsP99Steady, SteadyAfter, p.LatencyMsMax)
		if len(p.LatencyMsP99Start) > 0 {
			parts := make([]string, len(p.LatencyMsP99Start))
			for i, v := range p.LatencyMsP99Start {
				parts[i] = fmt.Sprintf("%.1f", v)
			}
			fmt.Fprintf(w, "  %-13s p99 of each %v of the first %v: %s ms\n", "", StartWindow, SteadyAfter, strings.Join(parts, " "))
		}
		if len(p.Missing) > 0 {
			fmt.Fprintf(w, "  %-13s missing %s\n", "", strings.Join(p.Missing, ", "))
		}
	}
	procs := make([]string, 0, len(r.Processes))
	for n := range r.Processes {
		procs = append(procs, n)
	}
	slices.Sort(procs)
	for _, n := range procs {
		p := r.Processes[n]
		if p.Error != "" {
			fmt.Fprintf(w, "  %-13s pid %d: %s\n", n, p.PID, p.Error)
			continue
		}
		fmt.Fprintf(w, "  %-13s pid %d: %.2f CPU s, %.2f µs/envelope, peak RSS %d MiB\n", n, p.PID, p.CPUSeconds, p.CPUUsPerEnvelope, p.PeakRSSKB/1024)
	}
	verdict := "PASS"
	if !r.Passed {
		verdict = "FAIL"
	}
	fmt.Fprintf(w, "  %s: loss %s, threshold %.4f %%\n", verdict, r.lossSummary(), r.MaxLossPercent)
}

func (r *Report) lossSummary() string {
	var parts []string
	for _, n := range []string{"rlp", "gateway", "firehose"} {
		if p, ok := r.Paths[n]; ok {
			parts = append(parts, fmt.Sprintf("%.4f %% via %s", p.LossPercent, n))
		}
	}
	return strings.Join(parts, ", ")
}

// WriteJSON writes the report as one JSON line.
func (r *Report) WriteJSON(w io.Writer) error {
	data, err := json.Marshal(r)
	if err != nil {
		return err
	}
	_, err = w.Write(append(data, '\n'))
	return err
}

func us(d time.Duration) float64 { return float64(d.Nanoseconds()) / 1000 }
