# Sourced by every task script: the Go build cache in the task's cache
# directory (kept between builds of the same job), and the repository root.
set -euo pipefail
task_dir="$(pwd)"
repo="${task_dir}/loggregator"
export GOCACHE="${task_dir}/go-cache"
export GOFLAGS="-buildvcs=false"
mkdir -p "${GOCACHE}"

# install_bosh_cli builds the bosh CLI at a pinned version into /usr/local/bin/bosh,
# unless a bosh of that version is already on PATH.
install_bosh_cli() {
  local version=7.9.7
  if ! bosh --version 2>/dev/null | grep -q "version ${version}-"; then
    GOBIN=/usr/local/bin go install "github.com/cloudfoundry/bosh-cli/v7@v${version}"
    ln -sf /usr/local/bin/bosh-cli /usr/local/bin/bosh
  fi
  bosh --version
}
