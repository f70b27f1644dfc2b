#!/usr/bin/env bash
# Provides a PostgreSQL database for the platform tests on a Debian machine: installs the server when
# missing, starts a local cluster, creates a role and a database, and prints the connection URL as the
# only line on stdout (progress goes to stderr). Usage in CI:
#   export CREDITDESK_TEST_DATABASE_URL="$(.ci/postgres.sh)"
# Optional: pass a file path to also write the URL there.
set -euo pipefail

role="${CREDITDESK_PG_ROLE:-creditdesk}"
password="${CREDITDESK_PG_PASSWORD:-creditdesk}"
database="${CREDITDESK_PG_DATABASE:-creditdesk_test}"
port="${CREDITDESK_PG_PORT:-5432}"

log() { echo "postgres.sh: $*" >&2; }

export DEBIAN_FRONTEND=noninteractive
if ! ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1; then
  log "installing postgresql from apt"
  apt-get update -qq >&2
  apt-get install -y -qq postgresql >&2
fi

# pg_dump and pg_restore for the backup tests (server/platform.postgres.test.ts).
if ! command -v pg_dump >/dev/null 2>&1 || ! command -v pg_restore >/dev/null 2>&1; then
  log "installing postgresql-client from apt"
  apt-get update -qq >&2
  apt-get install -y -qq postgresql-client >&2
fi

version="$(ls /usr/lib/postgresql | sort -V | tail -n 1)"
bin="/usr/lib/postgresql/${version}/bin"

as_postgres() {
  if [ "$(id -un)" = postgres ]; then "$@"; else runuser -u postgres -- "$@"; fi
}

if command -v pg_ctlcluster >/dev/null 2>&1; then
  if ! pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main"' | grep -q .; then
    log "creating cluster ${version}/main"
    pg_createcluster --port "$port" "$version" main >&2
  fi
  status="$(pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" { print $4 }')"
  if [ "$status" != online ]; then
    log "starting cluster ${version}/main"
    pg_ctlcluster "$version" main start >&2
  fi
  port="$(pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" { print $3 }')"
  socket_dir=/var/run/postgresql
else
  socket_dir=/tmp
  data="/var/lib/postgresql/${version}/creditdesk"
  if [ ! -f "$data/PG_VERSION" ]; then
    log "initialising ${data}"
    install -d -o postgres -g postgres "$data"
    as_postgres "$bin/initdb" -D "$data" -A trust >&2
  fi
  if ! as_postgres "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1; then
    log "starting ${data}"
    as_postgres "$bin/pg_ctl" -D "$data" -o "-p ${port} -k /tmp" -l "$data/server.log" -w start >&2
  fi
fi

for _ in $(seq 1 30); do
  if as_postgres "$bin/pg_isready" -q -h "$socket_dir" -p "$port"; then break; fi
  sleep 1
done

psql_admin() { as_postgres psql -h "$socket_dir" -p "$port" -v ON_ERROR_STOP=1 -qAt "$@"; }

if [ "$(psql_admin -c "select 1 from pg_roles where rolname = '${role}'")" != 1 ]; then
  log "creating role ${role}"
  psql_admin -c "create role ${role} login password '${password}'" >&2
fi
if [ "$(psql_admin -c "select 1 from pg_database where datname = '${database}'")" != 1 ]; then
  log "creating database ${database}"
  psql_admin -c "create database ${database} owner ${role}" >&2
fi

url="postgres://${role}:${password}@127.0.0.1:${port}/${database}"
if [ "$#" -ge 1 ]; then echo "$url" >"$1"; fi
echo "$url"
