#!/usr/bin/env bash
# Run a command with the BigQuery emulator (bqemulator, from .venv-bqemu/) on 127.0.0.1:
# start it on a free port, wait until it answers, run the command with
# OREWIRE_BQ_ENDPOINT set and OREWIRE_REQUIRE_BQ=1 (emulator tests must not skip), and
# stop the emulator afterwards, whatever the command's outcome. Exit: the command's.
#
#   tests/with_bqemulator.sh .venv/bin/python -m pytest -q tests
set -euo pipefail
cd "$(dirname "$0")/.."

EMU_PY=${BQEMU_PYTHON:-.venv-bqemu/bin/python}
PROJECT=${OREWIRE_BQ_PROJECT:-orewire-test}
LOG=${BQEMU_LOG:-build/bqemulator.log}
mkdir -p "$(dirname "$LOG")"
PORT=${BQEMU_PORT:-$("$EMU_PY" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}
ENDPOINT="http://127.0.0.1:$PORT"

# PYTHONFAULTHANDLER: should the emulator ever die of a native crash again, its log
# shows the Python stack of every thread at that moment.
PYTHONFAULTHANDLER=1 "$EMU_PY" tests/bqemulator_serve.py start --project "$PROJECT" --rest-host 127.0.0.1 \
  --rest-port "$PORT" --grpc-host 127.0.0.1 --grpc-port 0 --ephemeral \
  --log-level warning --log-format console >"$LOG" 2>&1 &
EMU_PID=$!
answers() {
  "$EMU_PY" -c 'import sys, urllib.request; urllib.request.urlopen(sys.argv[1], timeout=2)' \
    "$ENDPOINT/bigquery/v2/projects/$PROJECT/datasets" >/dev/null 2>&1
}
stop() {
  kill "$EMU_PID" 2>/dev/null || true
  wait "$EMU_PID" 2>/dev/null || true
}
trap stop EXIT

for _ in $(seq 1 120); do
  if answers; then
    break
  fi
  if ! kill -0 "$EMU_PID" 2>/dev/null; then
    echo "bqemulator exited at start; its log ($LOG):" >&2; tail -n 40 "$LOG" >&2; exit 1
  fi
  sleep 0.5
done
if ! answers; then
  echo "bqemulator did not answer at $ENDPOINT within 60 s; its log ($LOG):" >&2
  tail -n 40 "$LOG" >&2; exit 1
fi
echo "bqemulator answering at $ENDPOINT (pid $EMU_PID, log $LOG)"

status=0
OREWIRE_BQ_ENDPOINT=$ENDPOINT OREWIRE_BQ_PROJECT=$PROJECT OREWIRE_REQUIRE_BQ=1 "$@" || status=$?
if ! kill -0 "$EMU_PID" 2>/dev/null; then
  emu_status=0
  wait "$EMU_PID" || emu_status=$?
  echo "bqemulator (pid $EMU_PID) died during the run, exit status $emu_status; its log ($LOG):" >&2
  tail -n 60 "$LOG" >&2
  [ "$status" -ne 0 ] || status=1
fi
exit "$status"
