#!/usr/bin/env bash
# The whole OWP Pool flow, unattended: a fresh poold, the demo repository and its tasks, and two
# simulated workers (Alice: python,docs; Bob: typescript) that take leases, open (fake) pull
# requests and merge them. Watch it on the dashboard; Ctrl-C stops everything and cleans up.
#
#   demo/run.sh                 # poold on http://127.0.0.1:8787
#   OWP_PORT=9000 demo/run.sh   # another port
#
# Needs Java 17+ and curl; builds the jars first when they are missing. Everything lives in a
# temporary folder.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
port="${OWP_PORT:-8787}"
server="http://127.0.0.1:$port"
budget="${DEMO_MAX_OPEN_PRS:-3}"

if [ ! -f "$root/poold-server/target/poold.jar" ] || [ ! -f "$root/pool-cli/target/pool.jar" ]; then
  echo "Building poold and pool (once)..."
  (cd "$root" && ./mvnw -q -DskipTests package)
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/owp-demo.XXXXXX")"
pids=()
cleanup() {
  trap - INT TERM EXIT
  echo
  echo "Stopping the demo..."
  # Workers first (they give back unfinished tasks), then poold.
  for pid in "${pids[@]:1}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]:1}"; do wait "$pid" 2>/dev/null || true; done
  if [ "${#pids[@]}" -gt 0 ]; then
    kill -TERM "${pids[0]}" 2>/dev/null || true
    wait "${pids[0]}" 2>/dev/null || true
  fi
  rm -rf "$work"
  echo "Done."
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Every setting is passed explicitly: the user's own env.local or saved worker must not leak in.
export OWP_ADMIN_TOKEN="demo-admin-$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')"
export OWP_SERVER="$server"
unset OWP_TOKEN OWP_CONFIG OWP_ENV_FILE
pool() { "$root/bin/pool" "$@"; }

echo "Starting poold on $server (database and logs in $work)..."
# Ctrl-C reaches the whole process group at once; poold ignores it (java keeps an ignored SIGINT
# ignored) so that it outlives the workers, which give their tasks back to it. cleanup stops it.
(trap '' INT; cd "$work" && exec java -jar "$root/poold-server/target/poold.jar" \
  --db "$work/pool.db" --host 127.0.0.1 --port "$port" --cycle 2 >"$work/poold.log" 2>&1) &
pids+=($!)
for _ in $(seq 1 120); do
  if curl -fs "$server/healthz" >/dev/null 2>&1; then break; fi
  if ! kill -0 "${pids[0]}" 2>/dev/null; then
    echo "poold did not start:" >&2
    tail -20 "$work/poold.log" >&2
    exit 1
  fi
  sleep 0.5
done

pool admin init-repo demo --max-open-prs "$budget"
pool admin import-tasks "$root/demo/tasks.yaml" --repo demo

simulate() {
  local name="$1" skills="$2" capacity="$3"
  # bin/pool execs java, so $! is the worker itself: TERM makes it release its unfinished tasks.
  "$root/bin/pool" --config "$work/$name.json" worker simulate --register --name "$name" \
    --skills "$skills" --capacity "$capacity" --open-delay 4 --merge --merge-delay 6 \
    --pr-base-url "https://github.com/example/demo/pull" \
    > >(trap '' INT; while IFS= read -r line; do printf '[%s] %s\n' "$name" "$line"; done) 2>&1 &
  pids+=($!)
}
simulate Alice python,docs 5
simulate Bob typescript 3

cat <<EOF

  Dashboard:   $server/
  Admin token: $OWP_ADMIN_TOKEN
  Try:         OWP_SERVER=$server OWP_ADMIN_TOKEN=$OWP_ADMIN_TOKEN bin/pool admin tasks --repo demo

  Alice and Bob take tasks within the review budget ($budget), open pull requests and merge them.
  Press Ctrl-C to stop and clean up.

EOF
wait "${pids[@]:1}" || true
