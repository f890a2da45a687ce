#!/usr/bin/env bash
# The checks and every suite but the end-to-end, compatibility and fleet ones.
source "$(dirname "$0")/common.sh"
cd "${repo}"
scripts/test ./internal/... ./cmd/... ./tools/... ./test/templates ./test/manifests ./test/release
# Fuzzing (the seed inputs ran above as part of the suites).
FUZZTIME=10s scripts/fuzz
