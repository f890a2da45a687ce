#!/usr/bin/env bash
# Cuts the final release $(cat version/version) with scripts/finalize-release on
# a copy of the repository in the finalized output and commits what BOSH wrote;
# the job pushes the commit and the tag v<version>.
source "$(dirname "$0")/common.sh"
install_bosh_cli
version="$(cat "${task_dir}/version/version")"
export GIT_COMMITTER_NAME="${GIT_AUTHOR_NAME}" GIT_COMMITTER_EMAIL="${GIT_AUTHOR_EMAIL}"

cp -a "${repo}/." "${task_dir}/finalized/"
cd "${task_dir}/finalized"
if [ -n "${BLOBSTORE_PRIVATE_YML:-}" ]; then
  printf '%s\n' "${BLOBSTORE_PRIVATE_YML}" >config/private.yml
fi
blobstore_path="$(sed -n 's/^[[:space:]]\{1,\}blobstore_path:[[:space:]]*\(.*\)$/\1/p' config/final.yml | head -n1)"
if [ -n "${blobstore_path}" ]; then
  echo "config/final.yml names a local blobstore (${blobstore_path}): it is empty in this container and lost after it; use S3 or GCS to keep final builds (docs/release.md)"
  mkdir -p "${blobstore_path}"
fi

# A blob not yet in the blobstore: the script uploads it and stops; commit the
# object ids it recorded, then cut the release.
if ! scripts/finalize-release "${version}"; then
  git diff --quiet -- config/blobs.yml && exit 1
  git commit -q -m "Upload blobs for final release ${version}" -- config/blobs.yml
  scripts/finalize-release "${version}"
fi
git add .final_builds releases config/blobs.yml
git commit -q -m "Final release ${version}"
cp "releases/loggregator/loggregator-${version}.tgz" "${task_dir}/final-release/"
