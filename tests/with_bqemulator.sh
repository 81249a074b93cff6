#!/usr/bin/env bash
# Run a command with the BigQuery emulator (bqemulator, from .venv-bqemu/) on 127.0.0.1:
# start it on a free port, wait until it answers, run the command with
# OREWIRE_BQ_ENDPOINT set and OREWIRE_REQUIRE_BQ=1 (emulator tests must not skip), and
# stop the emulator afterwards, whatever the command's outcome. Exit: the command's (1
# when the emulator died under it on every attempt; see below).
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

ATTEMPTS=${BQEMU_ATTEMPTS:-2}
EMU_PID=
answers() {
  "$EMU_PY" -c 'import sys, urllib.request; urllib.request.urlopen(sys.argv[1], timeout=2)' \
    "$ENDPOINT/bigquery/v2/projects/$PROJECT/datasets" >/dev/null 2>&1
}
stop() {
  if [ -n "$EMU_PID" ]; then
    kill "$EMU_PID" 2>/dev/null || true
    wait "$EMU_PID" 2>/dev/null || true
  fi
}
trap stop EXIT

# PYTHONFAULTHANDLER: should the emulator die of a native crash, its log shows the Python
# stack of every thread at that moment.
start() {
  PYTHONFAULTHANDLER=1 "$EMU_PY" tests/bqemulator_serve.py start --project "$PROJECT" \
    --rest-host 127.0.0.1 --rest-port "$PORT" --grpc-host 127.0.0.1 --grpc-port 0 \
    --ephemeral --log-level warning --log-format console >"$LOG" 2>&1 &
  EMU_PID=$!
  for _ in $(seq 1 120); do
    if answers; then
      echo "bqemulator answering at $ENDPOINT (pid $EMU_PID, log $LOG)"
      return 0
    fi
    if ! kill -0 "$EMU_PID" 2>/dev/null; then
      echo "bqemulator exited at start; its log ($LOG):" >&2; tail -n 40 "$LOG" >&2; exit 1
    fi
    sleep 0.5
  done
  echo "bqemulator did not answer at $ENDPOINT within 60 s; its log ($LOG):" >&2
  tail -n 40 "$LOG" >&2; exit 1
}

# The command runs with the emulator; a watchdog stops the command at once if the emulator
# dies under it (its clients would otherwise retry for minutes). The emulator (bqemulator
# 1.4.0 on DuckDB) has died of native crashes (SIGSEGV, SIGBUS inside DuckDB; see
# DEVELOPERS.md) in about one full run in four: then the command runs once more with a
# fresh emulator, up to BQEMU_ATTEMPTS times in all, each crash reported with the
# emulator's log. A command that fails while the emulator is alive is never run again.
attempt=1
while :; do
  start
  OREWIRE_BQ_ENDPOINT=$ENDPOINT OREWIRE_BQ_PROJECT=$PROJECT OREWIRE_REQUIRE_BQ=1 "$@" &
  CMD_PID=$!
  (while kill -0 "$CMD_PID" 2>/dev/null; do
     if ! kill -0 "$EMU_PID" 2>/dev/null; then
       echo "bqemulator (pid $EMU_PID) died; stopping the command" >&2
       kill -- "$CMD_PID" 2>/dev/null || true
       pkill -P "$CMD_PID" 2>/dev/null || true
       break
     fi
     sleep 2
   done) &
  WATCH_PID=$!
  status=0
  wait "$CMD_PID" || status=$?
  kill "$WATCH_PID" 2>/dev/null || true
  wait "$WATCH_PID" 2>/dev/null || true
  if kill -0 "$EMU_PID" 2>/dev/null; then
    exit "$status"
  fi
  emu_status=0
  wait "$EMU_PID" || emu_status=$?
  EMU_PID=
  echo "bqemulator died during attempt $attempt of $ATTEMPTS (exit status $emu_status);" \
       "its log ($LOG):" >&2
  tail -n 60 "$LOG" >&2
  cp "$LOG" "$LOG.crash-$attempt" 2>/dev/null || true
  if [ "$attempt" -ge "$ATTEMPTS" ]; then
    exit 1
  fi
  attempt=$((attempt + 1))
  echo "running the command again with a fresh emulator (attempt $attempt of $ATTEMPTS)" >&2
done
