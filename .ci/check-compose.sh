#!/usr/bin/env bash
# Static check of docker-compose.yml: it must parse, validate and interpolate with the required secrets set, and
# must refuse to render without them. Needs no Docker engine (`config` only reads the file).
#
# Installs docker-compose from Debian's packages when no Compose is on the machine.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
compose_file="${repo_root}/docker-compose.yml"

log() { printf '[check-compose] %s\n' "$*"; }
fail() { printf '[check-compose] FAIL: %s\n' "$*" >&2; exit 1; }

[[ -f "${compose_file}" ]] || fail "${compose_file} not found"

as_root() {
  if [[ "$(id -u)" -eq 0 ]]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo "$@"
  else
    fail "need root (or sudo) to run: $*"
  fi
}

# Prefer an installed docker-compose (v1 1.29+ or a v2 standalone binary), then the v2 CLI plugin, else install.
compose=()
if command -v docker-compose >/dev/null 2>&1; then
  compose=(docker-compose)
elif command -v docker >/dev/null 2>&1 && docker compose version >/dev/null 2>&1; then
  compose=(docker compose)
else
  log "docker-compose not found; installing it with apt-get"
  as_root apt-get update -q
  # --no-install-recommends: skips docker.io/containerd, which `config` does not need.
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends docker-compose
  command -v docker-compose >/dev/null 2>&1 || fail "docker-compose is still missing after apt-get install"
  compose=(docker-compose)
fi
log "using: ${compose[*]} ($("${compose[@]}" version 2>/dev/null | head -n 1))"

# `config -q` validates without printing the rendered file (which would contain the secrets); fall back to a plain
# `config` into /dev/null for a Compose that lacks -q.
quiet=(-q)
if ! "${compose[@]}" config --help 2>&1 | grep -q -- '--quiet'; then
  quiet=()
fi

# Run Compose from the repo root with the required variables removed from the inherited environment, so only
# the values given here count (a developer's exported secrets can't mask a regression).
run_config() {
  (
    cd "${repo_root}"
    env -u VIGIL_WEBHOOK_SECRET -u VIGIL_ADMIN_PASSWORD -u VIGIL_PAYLOAD_KEYS "$@" \
      "${compose[@]}" -f "${compose_file}" config "${quiet[@]}" >/dev/null
  )
}

# 1. With the required secrets: must be valid.
log "validating ${compose_file} with dummy secrets"
if ! out="$(run_config VIGIL_WEBHOOK_SECRET=ci-dummy-webhook-secret VIGIL_ADMIN_PASSWORD=ci-dummy-admin-password \
    VIGIL_PAYLOAD_KEYS=ci:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA= 2>&1)"; then
  printf '%s\n' "${out}" >&2
  fail "docker-compose.yml is invalid"
fi
# Compose prints warnings (unset variables, deprecated keys) on stderr but still exits 0: treat them as failures.
if [[ -n "${out}" ]]; then
  printf '%s\n' "${out}" >&2
  fail "docker-compose config printed warnings"
fi

# 2. Without each required secret: must refuse, naming the variable.
required=(VIGIL_WEBHOOK_SECRET=ci-dummy-webhook-secret VIGIL_ADMIN_PASSWORD=ci-dummy-admin-password
  VIGIL_PAYLOAD_KEYS=ci:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=)
for missing in VIGIL_WEBHOOK_SECRET VIGIL_ADMIN_PASSWORD VIGIL_PAYLOAD_KEYS; do
  set_vars=()
  for assignment in "${required[@]}"; do
    [[ "${assignment%%=*}" == "${missing}" ]] || set_vars+=("${assignment}")
  done
  if out="$(run_config "${set_vars[@]}" 2>&1)"; then
    fail "docker-compose.yml renders without ${missing}; it must be required (\${${missing}:?...})"
  fi
  grep -q "set ${missing}" <<<"${out}" || {
    printf '%s\n' "${out}" >&2
    fail "missing ${missing} failed without the expected 'set ${missing}' message"
  }
  log "refuses to render without ${missing}: ok"
done

log "docker-compose.yml OK"
