#!/bin/sh
# Installs Debian's prometheus package (it brings promtool) when either binary is missing: the telemetry
# tests scrape the metrics server with a real Prometheus and lint the exposition with promtool.
set -eu

if command -v prometheus >/dev/null 2>&1 && command -v promtool >/dev/null 2>&1; then
  exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
  as_root=""
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  as_root="sudo -n"
else
  echo "ensure-prometheus: prometheus is missing and this user cannot install packages; run as root: apt-get install -y prometheus" >&2
  exit 1
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "ensure-prometheus: prometheus is missing and there is no apt-get; install prometheus and promtool by hand" >&2
  exit 1
fi

export DEBIAN_FRONTEND=noninteractive
# Another apt run (Chromium, docker-compose) may hold the dpkg lock: wait for it instead of failing.
apt_get="$as_root apt-get -o DPkg::Lock::Timeout=300 -qq"
if ! $apt_get install -y --no-install-recommends prometheus >/dev/null 2>&1; then
  # A fresh machine has no package lists yet.
  $apt_get update >/dev/null
  $apt_get install -y --no-install-recommends prometheus >/dev/null
fi

if ! command -v prometheus >/dev/null 2>&1 || ! command -v promtool >/dev/null 2>&1; then
  echo "ensure-prometheus: apt-get finished but prometheus or promtool is still not on PATH" >&2
  exit 1
fi
echo "ensure-prometheus: installed $(prometheus --version 2>&1 | head -n 1)"
