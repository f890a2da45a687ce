#!/usr/bin/env bash
# The fleet suite needs a Docker Engine. The task container is privileged; start
# dockerd in it unless one already answers.
source "$(dirname "$0")/common.sh"
if ! docker info >/dev/null 2>&1; then
  if ! command -v dockerd >/dev/null 2>&1; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq docker.io >/dev/null
  fi
  dockerd >"${task_dir}/dockerd.log" 2>&1 &
  for _ in $(seq 1 60); do
    docker info >/dev/null 2>&1 && break
    sleep 1
  done
  docker info >/dev/null 2>&1 || { tail -50 "${task_dir}/dockerd.log"; echo "dockerd did not start" >&2; exit 1; }
fi
cd "${repo}"
scripts/test --skip-checks ./test/fleet
