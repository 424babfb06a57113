#!/usr/bin/env bash
# Writes the schema that the migrations produce (PostgreSQL, pg_dump --schema-only) to docs/schema.sql,
# or with --check compares it with the committed file and fails on drift, so every migration's effect
# shows in review. Needs a PostgreSQL server: PG_ADMIN_URL (default postgres://postgres@127.0.0.1:5432/test).
set -euo pipefail
cd "$(dirname "$0")/.."
admin="${PG_ADMIN_URL:-postgres://postgres@127.0.0.1:5432/test}"
db="itd_schema_$(date +%s)_$$"
url="${admin%/*}/${db}"
psql "$admin" -qc "create database ${db}"
trap 'psql "$admin" -qc "drop database if exists ${db} with (force)" >/dev/null' EXIT
DATABASE_URL="$url" node bin/itd.mjs migrate >/dev/null
# Drop what changes from run to run or machine to machine: pg_dump's session keys and version banner.
pg_dump --schema-only --no-owner --exclude-table=schema_migrations "$url" \
  | grep -v -E '^\\(un)?restrict |^-- Dumped (from|by) ' > /tmp/itd-schema.$$.sql
if [ "${1:-}" = "--check" ]; then
  if ! diff -u docs/schema.sql /tmp/itd-schema.$$.sql; then
    echo "docs/schema.sql is out of date: run 'npm run db:schema' and commit the result." >&2
    rm -f /tmp/itd-schema.$$.sql
    exit 1
  fi
  echo "docs/schema.sql matches the migrations."
  rm -f /tmp/itd-schema.$$.sql
else
  mv /tmp/itd-schema.$$.sql docs/schema.sql
  echo "Wrote docs/schema.sql"
fi
