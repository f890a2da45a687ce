#!/usr/bin/env bash
# The compatibility suite. It finds the last final release in releases/ itself;
# COMPAT_BASE (a commit) overrides it. The clone has the full history, so the
# previous version's commit is there.
source "$(dirname "$0")/common.sh"
cd "${repo}"
if [ -z "${COMPAT_BASE:-}" ]; then
  unset COMPAT_BASE
fi
scripts/test --skip-checks ./test/compat
