// Command runfleet runs manifests/loggregator.yml as a fleet of containers
// for scripts/run-fleet: it builds static binaries and an image of the
// checkout, renders every instance's jobs with the project's template
// renderer, starts one container per instance (routers, log-api VMs and
// agent VMs over two zones, each with its own address and BOSH DNS names),
// prints where to read, and on Ctrl-C drains and removes everything.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"loggregator/tools/fleet"
	"loggregator/tools/versions"
)

// prefix names the containers, networks and images of scripts/run-fleet;
// the fleet suite uses another, so both can run at once.
const prefix = "lgfleet"

func main() {
	repo := flag.String("repo", ".", "repository root")
	shape := fleet.DefaultShape()
	flag.IntVar(&shape.Routers, "routers", shape.Routers, "router (doppler) VMs")
	flag.IntVar(&shape.LogAPIs, "log-apis", shape.LogAPIs, "log-api VMs (reverse log proxy and gateway)")
	flag.IntVar(&shape.Agents, "agents", shape.Agents, "agent VMs (emitter group, each with the loss probe beside its agent)")
	azs := flag.String("azs", strings.Join(shape.AZs, ","), "availability zones, one Docker network each")
	previous := flag.Bool("previous", false, "run the previous version (COMPAT_BASE, else tools/versions.DefaultBase), built from a git worktree of it, instead of this checkout")
	down := flag.Bool("down", false, "remove what an earlier run left (containers, networks, images) and exit")
	detach := flag.Bool("detach", false, "leave the fleet running and exit (remove it later with --down)")
	flag.Parse()
	shape.AZs = strings.Split(*azs, ",")

	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer stop()
	err := run(ctx, *repo, shape, *previous, *down, *detach)
	if err != nil && !errors.Is(err, context.Canceled) {
		fmt.Fprintf(os.Stderr, "run-fleet: %v\n", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, repo string, shape fleet.Shape, previous, down, detach bool) error {
	repo, err := filepath.Abs(repo)
	if err != nil {
		return err
	}
	if err := fleet.Available(ctx); err != nil {
		return err
	}
	if err := fleet.Clean(ctx, prefix); err != nil {
		return err
	}
	work := filepath.Join(repo, "tmp", "fleet")
	oldTree := filepath.Join(work, "previous")
	if _, err := os.Stat(oldTree); err == nil {
		if err := versions.Remove(ctx, repo, oldTree); err != nil {
			return err
		}
	}
	if down {
		fmt.Println("removed every container, network and image labelled " + fleet.LabelKey + "=" + prefix)
		return nil
	}
	if err := os.RemoveAll(work); err != nil {
		return err
	}
	fmt.Println("building static binaries and the image (CGO_ENABLED=0, from src/vendor)")
	initBin := filepath.Join(work, "bin", "init")
	if err := fleet.BuildInit(ctx, filepath.Join(repo, "src"), initBin); err != nil {
		return err
	}
	name, release := "current", repo
	if previous {
		base := versions.Base()
		if !versions.Has(ctx, repo, base) {
			return fmt.Errorf("the previous version %s is not in this clone (a shallow clone?): fetch it or set COMPAT_BASE", base)
		}
		fmt.Printf("checking out the previous version %s into %s\n", base, oldTree)
		if err := versions.Checkout(ctx, repo, base, oldTree); err != nil {
			return err
		}
		name, release = "previous", oldTree
	}
	v, err := fleet.Build(ctx, prefix, name, release, work, initBin)
	if err != nil {
		return err
	}
	m, err := fleet.LoadManifest(filepath.Join(repo, "manifests", "loggregator.yml"), fleet.ManifestVars("loggregator"))
	if err != nil {
		return err
	}
	if err := m.Reshape(shape); err != nil {
		return err
	}
	f, err := fleet.New(ctx, m, fleet.Options{Prefix: prefix, Work: work, Progress: os.Stdout})
	if err != nil {
		return err
	}
	f.Place(v)
	// Stop and remove everything however this ends, unless asked to leave it.
	defer func() {
		if detach && err == nil {
			return
		}
		fmt.Println("\ndraining and removing the fleet")
		cctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
		defer cancel()
		if derr := f.Down(cctx); derr != nil {
			fmt.Fprintln(os.Stderr, derr)
		}
		if previous {
			if derr := versions.Remove(cctx, repo, oldTree); derr != nil {
				fmt.Fprintln(os.Stderr, derr)
			}
		}
	}()
	if err = f.Up(ctx); err != nil {
		return err
	}
	printWhere(f, work)
	if detach {
		fmt.Println("\nLeft running; scripts/run-fleet --down removes it.")
		return nil
	}
	fmt.Println("\nRunning; Ctrl-C drains every VM and removes the fleet.")
	<-ctx.Done()
	return nil
}

func printWhere(f *fleet.Fleet, work string) {
	d := f.Deployment
	fmt.Printf("\nThe fleet is running (deployment %q, BOSH DNS names resolve inside the containers):\n", d.Manifest.Name)
	for _, in := range f.Instances("") {
		fmt.Printf("  %-22s %-14s %s  %s\n", f.Container(in), in.IP, in.AZ, d.InstanceName(in))
	}
	fmt.Println("\nGroup names (every instance):")
	for _, g := range d.Manifest.InstanceGroups {
		fmt.Printf("  %-10s %s\n", g.Name, d.GroupName(g.Name))
	}
	fmt.Println("\nEndpoints, reachable from this machine:")
	for _, in := range f.Instances("doppler") {
		fmt.Printf("  router      %s:8082  (gRPC, mTLS, server name doppler)\n", in.IP)
	}
	for _, in := range f.Instances("log-api") {
		fmt.Printf("  rlp         %s:8082  (gRPC v2 Egress, mTLS, server name reverselogproxy)\n", in.IP)
		fmt.Printf("  gateway     https://%s:8088/v2/read?log&source_id=...  (certificate for %s)\n", in.IP, d.GroupName("log-api"))
	}
	fmt.Printf("  CA and a client identity: %s, %s, %s\n", d.Certs.CA, d.Certs.ClientCert, d.Certs.ClientKey)
	first := f.Instances("emitter")[0]
	fmt.Println("\nHow to read:")
	fmt.Printf("  docker logs -f %s              every job of that VM, prefixed\n", f.Container(first))
	fmt.Printf("  docker exec %s /var/vcap/jobs/log-loss-probe/bin/run   the loss probe beside that agent\n", f.Container(first))
	fmt.Printf("  curl -N --cacert %s --resolve %s:8088:%s https://%s:8088/v2/read?log\\&source_id=log-loss-probe\n",
		d.Certs.CA, d.GroupName("log-api"), f.Instances("log-api")[0].IP, d.GroupName("log-api"))
	fmt.Printf("  rendered jobs of every instance: %s\n", filepath.Join(work, "instances"))
}
