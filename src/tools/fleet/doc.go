// Package fleet runs a BOSH deployment manifest of this release as a fleet of
// Docker containers on one machine, one container per instance, the way the
// director would place VMs: every instance gets its own address on the
// Docker network of its availability zone, its jobs rendered by the project's
// template renderer into /var/vcap/jobs, the release's binaries in
// /var/vcap/packages/loggregator/bin, and a small init (vcapinit) that starts
// each job's processes from its bpm.yml as bpm would, writes their pid files
// where the drain scripts look, and runs every job's drain script before it
// stops them. Docker's embedded DNS stands in for BOSH DNS: each container
// carries its instance's DNS name and its group's query name as network
// aliases, so a group name resolves to every running instance of the group
// and routers added, removed or cut off change what clients resolve.
//
// Images are built FROM nothing (docker import of a tarball): static
// binaries (CGO_ENABLED=0), the init, and bash with the few coreutils the
// drain scripts call, copied from the host with their shared libraries. No
// image is pulled. Everything the package creates carries the label
// loggregator.fleet, so Clean removes the leftovers of a killed run.
//
// It drives Docker through the docker command line, which is everywhere the
// Engine is.
package fleet
