"""Put the DuckDB spatial extension where the emulator's DuckDB looks for it.

bqemulator loads DuckDB's spatial extension at start; with no network DuckDB cannot
download it, so the copy shipped in the duckdb-extension-spatial wheel is installed into
~/.duckdb/extensions/<version>/<platform>/. Run with the emulator's venv python."""
import pathlib
import shutil

import duckdb
import duckdb_extension_spatial

platform = duckdb.sql("SELECT * FROM pragma_platform()").fetchone()[0]
source = next(pathlib.Path(duckdb_extension_spatial.__file__).parent.rglob(
    "spatial.duckdb_extension"))
target = pathlib.Path.home() / ".duckdb" / "extensions" / f"v{duckdb.__version__}" / platform
target.mkdir(parents=True, exist_ok=True)
shutil.copy2(source, target / source.name)
print(f"installed {target / source.name}")
