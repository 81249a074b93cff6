"""Flex template entry point: the Dataflow launcher runs ``python main.py --name=value ...``.

The template's parameters (deploy/metadata.json) are ``orewire run`` flags; Dataflow adds
its own (--runner, --project, --region, --temp_location, --sdk_container_image ...).
``orewire run`` on a remote runner submits the job and returns without waiting, as a
flex template must; the MERGE into the tables and the ``runs`` row are steps of the job.
The ``streaming`` parameter arrives as ``--streaming=true``, but Beam's ``--streaming``
takes no value: it is passed on as ``--streaming`` (true) or dropped (false, empty).
"""
import sys

from orewire.pipeline.cli import run


def launcher_args(argv: list[str]) -> list[str]:
    out = []
    for arg in argv:
        if arg.startswith("--streaming="):
            if arg.split("=", 1)[1].strip().lower() in ("true", "1", "yes"):
                out.append("--streaming")
            continue
        out.append(arg)
    return out


if __name__ == "__main__":
    sys.exit(run(launcher_args(sys.argv[1:])))
