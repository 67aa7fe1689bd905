#!/usr/bin/env bash
# Installs and starts what the test suite needs, idempotently: Debian's Chromium and
# chromium-driver (dashboard browser tests), wrk (load tests), and a local PostgreSQL with a
# `pool` role and a `pool_test` database (storage tests on PostgreSQL). Needs root.
# Prints the environment the tests read, as `export` lines, on stdout; progress goes to stderr.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
log() { echo "ci-setup: $*" >&2; }

# Runs with stdout sent to stderr: tools such as pg_ctlcluster print notices ("Removed stale pid
# file") on stdout, and the caller evals stdout. A redirection of a function call, unlike a
# duplicate made with exec, is not inherited by the PostgreSQL server it starts, so the caller's
# "$(...)" sees the end of the output when this script ends rather than when the server stops.
prepare() {
  need=()
  command -v chromium >/dev/null 2>&1 || need+=(chromium)
  command -v chromedriver >/dev/null 2>&1 || need+=(chromium-driver)
  command -v wrk >/dev/null 2>&1 || need+=(wrk)
  if ! command -v pg_ctlcluster >/dev/null 2>&1 || ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
    need+=(postgresql postgresql-contrib)
  fi
  if [ ${#need[@]} -gt 0 ]; then
    log "installing ${need[*]}"
    apt-get update -qq >&2
    apt-get install -y -qq -o Dpkg::Use-Pty=0 "${need[@]}" >/dev/null
  fi

  # PostgreSQL without systemd.
  pgver=$(ls /usr/lib/postgresql | sort -V | tail -1)
  pg_lsclusters -h | awk '{print $1" "$2}' | grep -qx "$pgver main" || pg_createcluster "$pgver" main >/dev/null
  pg_ctlcluster "$pgver" main status >/dev/null 2>&1 || pg_ctlcluster "$pgver" main start
  for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 1; done
  pg_isready -q -h 127.0.0.1 -p 5432 || { log "PostgreSQL did not start"; exit 1; }
  psql_su() { (cd /tmp && runuser -u postgres -- psql -v ON_ERROR_STOP=1 -qtA "$@"); }
  [ "$(psql_su -c "select 1 from pg_roles where rolname='pool'")" = 1 ] \
    || psql_su -c "create role pool login password 'pool' createdb" >/dev/null
  [ "$(psql_su -c "select 1 from pg_database where datname='pool_test'")" = 1 ] \
    || psql_su -c "create database pool_test owner pool" >/dev/null
  log "ready: $(chromium --version 2>/dev/null | head -1), $(chromedriver --version | cut -d' ' -f1-2), PostgreSQL $pgver"
}

prepare >&2
cat <<ENV
export OWP_TEST_POSTGRES_URL=jdbc:postgresql://127.0.0.1:5432/pool_test
export OWP_TEST_POSTGRES_USER=pool
export OWP_TEST_POSTGRES_PASSWORD=pool
export OWP_TEST_POSTGRES_REQUIRED=true
export OWP_TEST_CHROMEDRIVER=$(command -v chromedriver)
export OWP_TEST_CHROMIUM=$(command -v chromium)
ENV
