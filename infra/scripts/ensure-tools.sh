#!/bin/sh
# Installs the command-line tools the infra checks run. Debian's docker-compose (v1) validates and
# interpolates docker-compose.yml without a Docker engine, so the compose checks never depend on
# whether the machine happens to have it.
set -eu

if command -v docker-compose >/dev/null 2>&1; then
  exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
  as_root=""
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  as_root="sudo -n"
else
  echo "ensure-tools: docker-compose is missing and this user cannot install packages; run as root: apt-get install -y docker-compose" >&2
  exit 1
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "ensure-tools: docker-compose is missing and there is no apt-get; install Debian's docker-compose (v1) by hand" >&2
  exit 1
fi

export DEBIAN_FRONTEND=noninteractive
# Another apt run (the Chromium install) may hold the dpkg lock: wait for it instead of failing.
apt_get="$as_root apt-get -o DPkg::Lock::Timeout=300 -qq"
if ! $apt_get install -y docker-compose >/dev/null 2>&1; then
  # A fresh machine has no package lists yet.
  $apt_get update >/dev/null
  $apt_get install -y docker-compose >/dev/null
fi

if ! command -v docker-compose >/dev/null 2>&1; then
  echo "ensure-tools: apt-get finished but docker-compose is still not on PATH" >&2
  exit 1
fi
echo "ensure-tools: installed $(docker-compose version --short 2>/dev/null || echo docker-compose)"
