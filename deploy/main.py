"""Flex template entry point: the Dataflow launcher runs ``python main.py --name=value ...``.

The template's parameters (deploy/metadata.json) are ``orewire run`` flags; Dataflow adds
its own (--runner, --project, --region, --temp_location, --sdk_container_image ...).
``orewire run`` on a remote runner submits the job and returns without waiting, as a
flex template must; the MERGE into the tables and the ``runs`` row are steps of the job.
"""
import sys

from pipeline.cli import run

if __name__ == "__main__":
    sys.exit(run(sys.argv[1:]))
