"""Reference data: feed lists, the mineral lexicon, country terms, the offline sample."""
from pathlib import Path

SEEDS_DIR = Path(__file__).resolve().parent
SAMPLE_DIR = SEEDS_DIR / "sample"
