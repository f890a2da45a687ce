# Sourced by every task script: the Go build cache in the task's cache
# directory (kept between builds of the same job), and the repository root.
set -euo pipefail
task_dir="$(pwd)"
repo="${task_dir}/loggregator"
export GOCACHE="${task_dir}/go-cache"
export GOFLAGS="-buildvcs=false"
mkdir -p "${GOCACHE}"

# install_bosh_cli builds the bosh CLI at a pinned version into /usr/local/bin/bosh.
install_bosh_cli() {
  local version=v7.9.7
  GOBIN=/usr/local/bin go install "github.com/cloudfoundry/bosh-cli/v7@${version}"
  ln -sf /usr/local/bin/bosh-cli /usr/local/bin/bosh
  bosh --version
}
