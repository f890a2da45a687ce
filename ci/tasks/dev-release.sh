#!/usr/bin/env bash
# A dev release tarball with scripts/create-release.
source "$(dirname "$0")/common.sh"
install_bosh_cli
cd "${repo}"
scripts/create-release --tarball "${task_dir}/dev-release/loggregator-dev-$(date +%s).tgz"
