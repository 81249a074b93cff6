#!/usr/bin/env bash
# orewire on Dataflow: one-time setup, build, schedule, update, roll back.
#
#   deploy/orewire-deploy.sh setup               # APIs, bucket, registry, dataset, accounts, roles
#   deploy/orewire-deploy.sh build VERSION       # image + flex template spec for VERSION
#   deploy/orewire-deploy.sh schedule VERSION    # Cloud Scheduler launches VERSION every N minutes
#   deploy/orewire-deploy.sh update VERSION      # build VERSION, then schedule it
#   deploy/orewire-deploy.sh rollback VERSION    # schedule an earlier, still stored VERSION
#   deploy/orewire-deploy.sh run-now             # launch the scheduled job once, now
#   deploy/orewire-deploy.sh pause | resume      # stop / restart the schedule
#   deploy/orewire-deploy.sh launch-body VERSION # print the launch request the schedule sends
#
# Run from the repository root with gcloud, bq and docker authenticated. Settings come from
# the environment (defaults in brackets): PROJECT, REGION [us-central1], BUCKET
# [$PROJECT-orewire], DATASET [news], BQ_LOCATION [US], REPO [orewire],
# FEEDS [gs://$BUCKET/feeds/feeds.opml], EVERY_MINUTES [30], MAX_WORKERS [4],
# MACHINE_TYPE [n2-standard-2], USER_AGENT [orewire (+https://github.com/orewire)].
set -euo pipefail

: "${PROJECT:?set PROJECT to the Google Cloud project id}"
REGION=${REGION:-us-central1}
BUCKET=${BUCKET:-$PROJECT-orewire}
DATASET=${DATASET:-news}
BQ_LOCATION=${BQ_LOCATION:-US}
REPO=${REPO:-orewire}
FEEDS=${FEEDS:-gs://$BUCKET/feeds/feeds.opml}
EVERY_MINUTES=${EVERY_MINUTES:-30}
MAX_WORKERS=${MAX_WORKERS:-4}
MACHINE_TYPE=${MACHINE_TYPE:-n2-standard-2}
USER_AGENT=${USER_AGENT:-orewire (+https://github.com/orewire)}

WORKER_SA="orewire-worker@$PROJECT.iam.gserviceaccount.com"
SCHEDULER_SA="orewire-scheduler@$PROJECT.iam.gserviceaccount.com"
SCHEDULER_JOB=orewire-scheduled
IMAGE_BASE="$REGION-docker.pkg.dev/$PROJECT/$REPO/orewire"

image() { echo "$IMAGE_BASE:$1"; }
spec() { echo "gs://$BUCKET/templates/orewire-$1.json"; }

setup() {
  gcloud services enable --project "$PROJECT" dataflow.googleapis.com bigquery.googleapis.com \
    artifactregistry.googleapis.com cloudscheduler.googleapis.com storage.googleapis.com \
    cloudbuild.googleapis.com
  gcloud storage buckets create "gs://$BUCKET" --project "$PROJECT" --location "$REGION" \
    --uniform-bucket-level-access || true
  gcloud artifacts repositories create "$REPO" --project "$PROJECT" --location "$REGION" \
    --repository-format docker || true
  # The first run creates the tables (partitioned, clustered) from schemas/.
  bq --project_id "$PROJECT" --location "$BQ_LOCATION" mk --dataset "$PROJECT:$DATASET" || true
  gcloud storage cp seeds/feeds.opml "$FEEDS"

  gcloud iam service-accounts create orewire-worker --project "$PROJECT" \
    --display-name "orewire Dataflow launcher and workers" || true
  gcloud iam service-accounts create orewire-scheduler --project "$PROJECT" \
    --display-name "orewire Cloud Scheduler: launches the flex template" || true

  # Workers (and the flex template launcher VM, which runs as the same account).
  for role in roles/dataflow.worker roles/bigquery.jobUser; do
    gcloud projects add-iam-policy-binding "$PROJECT" --condition None \
      --member "serviceAccount:$WORKER_SA" --role "$role" >/dev/null
  done
  bq add-iam-policy-binding --member "serviceAccount:$WORKER_SA" \
    --role roles/bigquery.dataEditor "$PROJECT:$DATASET"
  gcloud storage buckets add-iam-policy-binding "gs://$BUCKET" \
    --member "serviceAccount:$WORKER_SA" --role roles/storage.objectAdmin >/dev/null
  gcloud artifacts repositories add-iam-policy-binding "$REPO" --project "$PROJECT" \
    --location "$REGION" --member "serviceAccount:$WORKER_SA" \
    --role roles/artifactregistry.reader >/dev/null

  # The scheduler: may launch jobs that run as the worker account, and read the specs.
  gcloud projects add-iam-policy-binding "$PROJECT" --condition None \
    --member "serviceAccount:$SCHEDULER_SA" --role roles/dataflow.developer >/dev/null
  gcloud iam service-accounts add-iam-policy-binding "$WORKER_SA" --project "$PROJECT" \
    --member "serviceAccount:$SCHEDULER_SA" --role roles/iam.serviceAccountUser >/dev/null
  gcloud storage buckets add-iam-policy-binding "gs://$BUCKET" \
    --member "serviceAccount:$SCHEDULER_SA" --role roles/storage.objectViewer >/dev/null
}

build() {
  local version=$1
  gcloud auth configure-docker "$REGION-docker.pkg.dev" --quiet
  docker build -f deploy/Dockerfile -t "$(image "$version")" .
  docker push "$(image "$version")"
  gcloud dataflow flex-template build "$(spec "$version")" --project "$PROJECT" \
    --image "$(image "$version")" --sdk-language PYTHON \
    --metadata-file deploy/metadata.json
}

launch_body() {
  local version=$1
  VERSION=$version SPEC=$(spec "$version") IMAGE=$(image "$version") JOB=$SCHEDULER_JOB \
  FEEDS=$FEEDS WAREHOUSE="bigquery:$PROJECT.$DATASET" BQ_LOCATION=$BQ_LOCATION \
  USER_AGENT=$USER_AGENT WORKER_SA=$WORKER_SA BUCKET=$BUCKET MAX_WORKERS=$MAX_WORKERS \
  MACHINE_TYPE=$MACHINE_TYPE python3 - <<'PY'
import json, os
e = os.environ
print(json.dumps({"launchParameter": {
    # One name for every launch: Dataflow does not start a job while one of the same
    # name is running, so a slow run is not overlapped by the next.
    "jobName": e["JOB"],
    "containerSpecGcsPath": e["SPEC"],
    # The template's parameters: flags of `orewire run` (deploy/metadata.json).
    "parameters": {"feeds": e["FEEDS"], "warehouse": e["WAREHOUSE"],
                   "bigquery_location": e["BQ_LOCATION"],
                   "http_user_agent": e["USER_AGENT"]},
    "environment": {"serviceAccountEmail": e["WORKER_SA"],
                    "tempLocation": f"gs://{e['BUCKET']}/tmp",
                    "stagingLocation": f"gs://{e['BUCKET']}/staging",
                    "sdkContainerImage": e["IMAGE"],
                    "maxWorkers": int(e["MAX_WORKERS"]),
                    "machineType": e["MACHINE_TYPE"],
                    "additionalUserLabels": {
                        "app": "orewire",
                        "version": e["VERSION"].lower().replace(".", "-")}},
}}))
PY
}

schedule() {
  local version=$1 verb=create headers=--headers
  gcloud storage ls "$(spec "$version")" >/dev/null  # the spec must exist
  if gcloud scheduler jobs describe "$SCHEDULER_JOB" --project "$PROJECT" \
       --location "$REGION" >/dev/null 2>&1; then
    verb=update headers=--update-headers
  fi
  gcloud scheduler jobs "$verb" http "$SCHEDULER_JOB" --project "$PROJECT" \
    --location "$REGION" --schedule "*/$EVERY_MINUTES * * * *" --time-zone Etc/UTC \
    --uri "https://dataflow.googleapis.com/v1b3/projects/$PROJECT/locations/$REGION/flexTemplates:launch" \
    --http-method POST "$headers" Content-Type=application/json \
    --oauth-service-account-email "$SCHEDULER_SA" \
    --oauth-token-scope https://www.googleapis.com/auth/cloud-platform \
    --message-body "$(launch_body "$version")"
  echo "scheduled orewire $version every $EVERY_MINUTES minutes"
}

command=${1:-}
case "$command" in
  setup) setup ;;
  build) build "${2:?usage: build VERSION}" ;;
  schedule) schedule "${2:?usage: schedule VERSION}" ;;
  update) build "${2:?usage: update VERSION}" && schedule "$2" ;;
  rollback) schedule "${2:?usage: rollback VERSION (an earlier version still in gs://$BUCKET/templates/)}" ;;
  launch-body) launch_body "${2:?usage: launch-body VERSION}" ;;
  run-now) gcloud scheduler jobs run "$SCHEDULER_JOB" --project "$PROJECT" --location "$REGION" ;;
  pause) gcloud scheduler jobs pause "$SCHEDULER_JOB" --project "$PROJECT" --location "$REGION" ;;
  resume) gcloud scheduler jobs resume "$SCHEDULER_JOB" --project "$PROJECT" --location "$REGION" ;;
  *) sed -n '2,20p' "$0"; exit 2 ;;
esac
