"""Reference data: feed lists, the mineral lexicon, country terms, the offline sample."""
from pathlib import Path

SEEDS_DIR = Path(__file__).resolve().parent
SAMPLE_DIR = SEEDS_DIR / "sample"


def load_yaml(name: str) -> dict:
    """A YAML file of this folder as a mapping; ValueError when it is not one."""
    import yaml  # noqa: PLC0415 (the sample's paths need no YAML)
    path = SEEDS_DIR / name
    with open(path, encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    if not isinstance(data, dict):
        raise ValueError(f"{path}: expected a mapping at the top")
    return data
