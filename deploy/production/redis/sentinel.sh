#!/bin/sh
# Starts one Redis Sentinel. Sentinel rewrites its own config file (known replicas and
# sentinels, failover epochs, the current master), so the file lives in the /data volume
# and is written only on first start: regenerating it would forget a failover and point
# this sentinel back at a node that may now be a replica.
# Env: REDIS_PASSWORD, REDIS_SENTINEL_NAME, SENTINEL_HOSTNAME (this container's service name).
set -eu

conf=/data/sentinel.conf
name="${REDIS_SENTINEL_NAME:-mymaster}"

if [ ! -s "$conf" ]; then
  cat > "$conf" <<EOF
port 26379
dir /data
# Work with Compose service names instead of container IPs, which change on recreation.
sentinel resolve-hostnames yes
sentinel announce-hostnames yes
sentinel announce-ip ${SENTINEL_HOSTNAME}
# The app authenticates to the sentinels with the same password as to Redis.
requirepass "${REDIS_PASSWORD}"
sentinel sentinel-pass "${REDIS_PASSWORD}"
# Quorum 2 of 3: one sentinel down or partitioned cannot trigger or block a failover.
sentinel monitor ${name} redis-master 6379 2
sentinel auth-pass ${name} "${REDIS_PASSWORD}"
sentinel down-after-milliseconds ${name} 5000
sentinel failover-timeout ${name} 60000
sentinel parallel-syncs ${name} 1
EOF
fi

# Through the image's entrypoint, which drops root to the redis user for "redis-server";
# "redis-server <file> --sentinel" is the same program as redis-sentinel.
exec docker-entrypoint.sh redis-server "$conf" --sentinel
