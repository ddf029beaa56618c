# Shared settings of scripts/cluster-up, cluster-down and cluster-restart (sourced, not run).
# Everything is on loopback; override any of these in the environment.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CLUSTER_DIR="${CLUSTER_DIR:-/tmp/jiandu-cluster}"
CLUSTER_INSTANCES="${CLUSTER_INSTANCES:-3}"
CLUSTER_BASE_PORT="${CLUSTER_BASE_PORT:-3101}"   # instance i listens on BASE_PORT + i - 1
CLUSTER_NGINX_PORT="${CLUSTER_NGINX_PORT:-8080}"
CLUSTER_DB="${CLUSTER_DB:-jiandu_cluster}"
# a PostgreSQL superuser on loopback, to create the roles and the database
PG_ADMIN_URL="${PG_ADMIN_URL:-postgres://postgres@127.0.0.1:5432/postgres}"
PG_HOSTPORT="${PG_HOSTPORT:-127.0.0.1:5432}"
OWNER_ROLE="${CLUSTER_DB}_owner"   # owns the tables, runs the migrations
APP_ROLE="${CLUSTER_DB}_app"       # what the instances run as: cannot alter the audit triggers
OWNER_URL="postgres://${OWNER_ROLE}:${OWNER_ROLE}-pw@${PG_HOSTPORT}/${CLUSTER_DB}"
APP_URL="postgres://${APP_ROLE}:${APP_ROLE}-pw@${PG_HOSTPORT}/${CLUSTER_DB}"

port_of() { echo $((CLUSTER_BASE_PORT + $1 - 1)); }
pid_file() { echo "$CLUSTER_DIR/run/instance-$1.pid"; }

# Starts instance $1 in the background (its own session, so a signal to this shell does not reach it).
start_instance() {
  local i="$1" port
  port="$(port_of "$i")"
  (
    cd "$ROOT"
    export PORT="$port" HOST=127.0.0.1 DATABASE_URL="$APP_URL" MIGRATION_DATABASE_URL="$OWNER_URL" \
      DATA_DIR="$CLUSTER_DIR/data" FIELD_KEY="$(cat "$CLUSTER_DIR/field.key")" \
      METRICS_TOKEN="$(cat "$CLUSTER_DIR/metrics.token")" TRUST_PROXY=1 SCHEDULER=1 \
      NODE_ENV=production
    exec setsid node bin/jiandu.mjs serve >>"$CLUSTER_DIR/logs/instance-$i.log" 2>&1 </dev/null
  ) &
  echo $! >"$(pid_file "$i")"
}

# Waits until instance $1 answers /api/health (up to $2 seconds, default 60).
wait_healthy() {
  local port deadline
  port="$(port_of "$1")"
  deadline=$((SECONDS + ${2:-60}))
  until curl -fs -o /dev/null "http://127.0.0.1:$port/api/health"; do
    if ((SECONDS > deadline)); then
      echo "instance $1 did not become healthy; see $CLUSTER_DIR/logs/instance-$1.log" >&2
      return 1
    fi
    sleep 0.3
  done
}

# SIGTERM to instance $1, then waits for it to exit (it finishes the requests in flight first).
stop_instance() {
  local pidf pid
  pidf="$(pid_file "$1")"
  [[ -f "$pidf" ]] || return 0
  pid="$(cat "$pidf")"
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid"
    for _ in $(seq 1 200); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    if kill -0 "$pid" 2>/dev/null; then
      echo "instance $1 (pid $pid) still running after 20 s: killing it" >&2
      kill -KILL "$pid" 2>/dev/null || true
    fi
  fi
  rm -f "$pidf"
}

# Takes instance $1 out of nginx's upstream ($2 = down) or puts it back ($2 = up), by a graceful
# reload: nginx stops opening connections to it before it is stopped, so no connection waits in
# its accept queue when its listener closes (such a connection is reset, and a POST is not resent).
nginx_mark() {
  local port conf="$CLUSTER_DIR/nginx/nginx.conf"
  port="$(port_of "$1")"
  [[ -f "$conf" && -f "$CLUSTER_DIR/run/nginx.pid" ]] || return 0
  if [[ "$2" == down ]]; then
    sed -i "s|server 127.0.0.1:$port max_fails=1 fail_timeout=2s;|server 127.0.0.1:$port max_fails=1 fail_timeout=2s down;|" "$conf"
  else
    sed -i "s|server 127.0.0.1:$port max_fails=1 fail_timeout=2s down;|server 127.0.0.1:$port max_fails=1 fail_timeout=2s;|" "$conf"
  fi
  nginx -p "$CLUSTER_DIR/nginx" -c "$conf" -s reload
  sleep 1 # the old workers finish their requests; new ones no longer pick this instance
}
