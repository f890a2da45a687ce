#!/usr/bin/env bash
# scripts/bench, then the table, the raw results and the load average into one
# tarball in the benchmarks output.
source "$(dirname "$0")/common.sh"
cd "${repo}"
scripts/bench
stamp="$(date +%s)"
out="$(mktemp -d)"
cp docs/benchmarks.md tmp/bench/results.json "${out}/"
{ uptime; nproc; } >"${out}/machine.txt"
tar -czf "${task_dir}/benchmarks/benchmarks-${stamp}.tgz" -C "${out}" .
echo "Benchmark table: benchmarks-${stamp}.tgz (docs/benchmarks.md, results.json, machine.txt)"
