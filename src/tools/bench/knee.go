package main

import (
	"bytes"
	"errors"
	"image/color"
	"io"
	"os"
	"slices"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgsvg"
)

// kneePoint is one point of the rate sweep.
type kneePoint struct {
	Name               string
	Offered, Delivered float64 // envelopes per second
	LossPercent, P99Ms float64
	FlatOut            bool
}

// sweepPoints are the sweep's results as points, by offered rate.
func sweepPoints(results []result) []kneePoint {
	var out []kneePoint
	for _, r := range results {
		if !strings.HasPrefix(r.Scenario.Name, "sweep-") || r.Report == nil {
			continue
		}
		p := r.Report
		out = append(out, kneePoint{
			Name: r.Scenario.Name, Offered: p.OfferedPS, Delivered: p.Throughput,
			LossPercent: p.LossPercent, P99Ms: p.LatencyMsP99, FlatOut: r.Scenario.Rate == 0,
		})
	}
	slices.SortFunc(out, func(a, b kneePoint) int {
		switch {
		case a.Offered < b.Offered:
			return -1
		case a.Offered > b.Offered:
			return 1
		}
		return 0
	})
	return out
}

// writeKnee draws the sweep into the SVG file at path.
func writeKnee(path string, points []kneePoint, caption string) error {
	var b bytes.Buffer
	if err := renderKnee(&b, points, caption); err != nil {
		return err
	}
	return os.WriteFile(path, b.Bytes(), 0o644)
}

// renderKnee draws delivered rate, loss and p99 latency against the
// offered rate (on a log axis), one panel above the other, as SVG with
// the fonts left to the viewer. Points offered at no rate are left out, as
// a log axis cannot place them; fewer than two points is an error.
func renderKnee(w io.Writer, points []kneePoint, caption string) error {
	var xs []kneePoint
	for _, p := range points {
		if p.Offered > 0 {
			xs = append(xs, p)
		}
	}
	if len(xs) < 2 {
		return errors.New("the knee needs at least two sweep points with an offered rate")
	}
	panel := func(title, ylabel string, y func(kneePoint) float64) (*plot.Plot, error) {
		p := plot.New()
		p.Title.Text = title
		p.X.Label.Text = "offered envelopes/s"
		p.Y.Label.Text = ylabel
		p.X.Scale = plot.LogScale{}
		p.X.Tick.Marker = plot.LogTicks{Prec: -1}
		p.Y.Min = 0
		p.Add(plotter.NewGrid())
		pts := make(plotter.XYs, len(xs))
		for i, k := range xs {
			pts[i] = plotter.XY{X: k.Offered, Y: y(k)}
		}
		line, dots, err := plotter.NewLinePoints(pts)
		if err != nil {
			return nil, err
		}
		line.Color = color.RGBA{R: 31, G: 119, B: 180, A: 255}
		dots.Color = line.Color
		p.Add(line, dots)
		return p, nil
	}
	delivered, err := panel("Delivered rate against offered rate ("+caption+")", "delivered envelopes/s", func(k kneePoint) float64 { return k.Delivered })
	if err != nil {
		return err
	}
	// The diagonal: where delivered equals offered.
	ideal, err := plotter.NewLine(plotter.XYs{{X: xs[0].Offered, Y: xs[0].Offered}, {X: xs[len(xs)-1].Offered, Y: xs[len(xs)-1].Offered}})
	if err != nil {
		return err
	}
	ideal.Dashes = []vg.Length{vg.Points(4), vg.Points(4)}
	ideal.Color = color.Gray{Y: 128}
	delivered.Add(ideal)
	delivered.Legend.Add("delivered = offered", ideal)
	delivered.Legend.Top, delivered.Legend.Left = true, true
	loss, err := panel("Loss", "lost, % of sent", func(k kneePoint) float64 { return k.LossPercent })
	if err != nil {
		return err
	}
	p99, err := panel("End-to-end latency, 99th percentile", "p99 ms", func(k kneePoint) float64 { return k.P99Ms })
	if err != nil {
		return err
	}
	c := vgsvg.NewWith(vgsvg.UseWH(8*vg.Inch, 10*vg.Inch), vgsvg.EmbedFonts(false))
	plots := [][]*plot.Plot{{delivered}, {loss}, {p99}}
	tiles := draw.Tiles{Rows: 3, Cols: 1, PadX: vg.Millimeter, PadY: 4 * vg.Millimeter,
		PadTop: 2 * vg.Millimeter, PadBottom: 2 * vg.Millimeter, PadLeft: 2 * vg.Millimeter, PadRight: 4 * vg.Millimeter}
	canvases := plot.Align(plots, tiles, draw.New(c))
	for i := range plots {
		plots[i][0].Draw(canvases[i][0])
	}
	_, err = c.WriteTo(w)
	return err
}
