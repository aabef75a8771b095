#!/usr/bin/env bash
# A streaming replica of the local PostgreSQL (127.0.0.1:5432) as cluster "replica" on port 5433, for the
# DATABASE_READ_URL tests (test/ops-replica.test.ts). Idempotent: an existing replica is started and kept.
# Run as root (CI does, from .ci/run); it allows replication connections from 127.0.0.1 without a password —
# for a test machine only. In production use a replication role with a password (see docs/scaling.md).
set -euo pipefail
VER="$(ls /etc/postgresql | sort -V | tail -1)"
HBA="/etc/postgresql/$VER/main/pg_hba.conf"
DATA="/var/lib/postgresql/$VER/replica"

if ! grep -Eq '^host[[:space:]]+replication[[:space:]]+all[[:space:]]+127\.0\.0\.1/32[[:space:]]+trust' "$HBA"; then
  echo "host replication all 127.0.0.1/32 trust" >> "$HBA"
  pg_ctlcluster --skip-systemctl-redirect "$VER" main reload
fi

if ! pg_lsclusters -h | awk '{print $1, $2}' | grep -qx "$VER replica"; then
  echo "creating the replica cluster $VER/replica on port 5433"
  pg_createcluster "$VER" replica -p 5433 >/dev/null
  rm -rf "${DATA:?}"/*
  su postgres -c "pg_basebackup -h 127.0.0.1 -p 5432 -U postgres -D '$DATA' -R -X stream -c fast"
fi
# The replica answers clients as the primary does (Debian keeps pg_hba.conf outside the data directory).
if ! cmp -s "$HBA" "/etc/postgresql/$VER/replica/pg_hba.conf"; then
  cp "$HBA" "/etc/postgresql/$VER/replica/pg_hba.conf"
  pg_isready -h 127.0.0.1 -p 5433 -q && pg_ctlcluster --skip-systemctl-redirect "$VER" replica reload
fi

if ! pg_isready -h 127.0.0.1 -p 5433 -q; then
  pg_ctlcluster --skip-systemctl-redirect "$VER" replica start
  for _ in $(seq 1 30); do pg_isready -h 127.0.0.1 -p 5433 -q && break; sleep 1; done
fi
pg_isready -h 127.0.0.1 -p 5433 -q || { echo "the replica on port 5433 did not start" >&2; exit 1; }
[ "$(psql -h 127.0.0.1 -p 5433 -U postgres -Atc 'select pg_is_in_recovery()')" = "t" ] || { echo "port 5433 is not a standby" >&2; exit 1; }
echo "replica on 127.0.0.1:5433 streaming from 127.0.0.1:5432"
