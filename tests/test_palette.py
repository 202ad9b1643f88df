"""The fate colours stay apart for colour-blind readers.

Simulation: Machado, Oliveira & Fernandes (2009), severity 1.0, applied to linear sRGB; distance:
CIEDE2000 (Sharma, Wu & Dalal 2005) in CIELAB under D65. Both are written out here so the test
needs no colour library; the CIEDE2000 code is checked against Sharma's published test pairs.
"""

from __future__ import annotations

import itertools
import math

import pytest

from bolshevik_graph.models import Fate
from bolshevik_graph.palette import FATE_COLOURS, FATE_SHAPES

Matrix = tuple[tuple[float, float, float], ...]
MACHADO: dict[str, Matrix] = {
    "protanopia": (
        (0.152286, 1.052583, -0.204868),
        (0.114503, 0.786281, 0.099216),
        (-0.003882, -0.048116, 1.051998),
    ),
    "deuteranopia": (
        (0.367322, 0.860646, -0.227968),
        (0.280085, 0.672501, 0.047413),
        (-0.011820, 0.042940, 0.968881),
    ),
    "tritanopia": (
        (1.255528, -0.076749, -0.178779),
        (-0.078411, 0.930809, 0.147602),
        (0.004733, 0.691367, 0.303900),
    ),
}
#: Smallest CIEDE2000 distance allowed between two fate colours under each simulation.
THRESHOLDS = {"protanopia": 12.0, "deuteranopia": 12.0, "tritanopia": 10.0}

Lab = tuple[float, float, float]


def _linear(hex_colour: str) -> list[float]:
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    return [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]


def _simulate(rgb: list[float], matrix: Matrix) -> list[float]:
    return [min(1.0, max(0.0, sum(row[k] * rgb[k] for k in range(3)))) for row in matrix]


def _lab(rgb: list[float]) -> Lab:
    r, g, b = rgb
    xyz = (
        (0.4124564 * r + 0.3575761 * g + 0.1804375 * b) / 0.95047,
        0.2126729 * r + 0.7151522 * g + 0.0721750 * b,
        (0.0193339 * r + 0.1191920 * g + 0.9503041 * b) / 1.08883,
    )
    fx, fy, fz = (
        t ** (1 / 3) if t > (6 / 29) ** 3 else t / (3 * (6 / 29) ** 2) + 4 / 29 for t in xyz
    )
    return 116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)


def ciede2000(lab1: Lab, lab2: Lab) -> float:
    """The CIEDE2000 colour difference (kL = kC = kH = 1)."""
    (l1, a1, b1), (l2, a2, b2) = lab1, lab2
    c_mean = (math.hypot(a1, b1) + math.hypot(a2, b2)) / 2
    g = 0.5 * (1 - math.sqrt(c_mean**7 / (c_mean**7 + 25**7)))
    a1p, a2p = (1 + g) * a1, (1 + g) * a2
    c1p, c2p = math.hypot(a1p, b1), math.hypot(a2p, b2)
    h1p = math.degrees(math.atan2(b1, a1p)) % 360 if c1p else 0.0
    h2p = math.degrees(math.atan2(b2, a2p)) % 360 if c2p else 0.0
    dh = 0.0
    if c1p * c2p:
        dh = h2p - h1p
        dh = dh - 360 if dh > 180 else dh + 360 if dh < -180 else dh
    d_h = 2 * math.sqrt(c1p * c2p) * math.sin(math.radians(dh / 2))
    l_mean, cp_mean = (l1 + l2) / 2, (c1p + c2p) / 2
    if not c1p * c2p:
        h_mean = h1p + h2p
    elif abs(h1p - h2p) <= 180:
        h_mean = (h1p + h2p) / 2
    else:
        h_mean = (h1p + h2p + (360 if h1p + h2p < 360 else -360)) / 2
    t = (
        1
        - 0.17 * math.cos(math.radians(h_mean - 30))
        + 0.24 * math.cos(math.radians(2 * h_mean))
        + 0.32 * math.cos(math.radians(3 * h_mean + 6))
        - 0.20 * math.cos(math.radians(4 * h_mean - 63))
    )
    rotation = 30 * math.exp(-(((h_mean - 275) / 25) ** 2))
    rc = 2 * math.sqrt(cp_mean**7 / (cp_mean**7 + 25**7))
    sl = 1 + 0.015 * (l_mean - 50) ** 2 / math.sqrt(20 + (l_mean - 50) ** 2)
    sc, sh = 1 + 0.045 * cp_mean, 1 + 0.015 * cp_mean * t
    rt = -math.sin(math.radians(2 * rotation)) * rc
    dl, dc = (l2 - l1) / sl, (c2p - c1p) / sc
    return math.sqrt(dl**2 + dc**2 + (d_h / sh) ** 2 + rt * dc * (d_h / sh))


@pytest.mark.parametrize(
    ("lab1", "lab2", "expected"),
    [  # Sharma, Wu & Dalal (2005), table 1: pairs 1, 7, 17 and 25
        ((50.0, 2.6772, -79.7751), (50.0, 0.0, -82.7485), 2.0425),
        ((50.0, 0.0, 0.0), (50.0, -1.0, 2.0), 2.3669),
        ((50.0, 2.5, 0.0), (73.0, 25.0, -18.0), 27.1492),
        ((60.2574, -34.0099, 36.2677), (60.4626, -34.1751, 39.4387), 1.2644),
    ],
)
def test_ciede2000_matches_published_pairs(lab1: Lab, lab2: Lab, expected: float) -> None:
    assert ciede2000(lab1, lab2) == pytest.approx(expected, abs=1e-4)


@pytest.mark.parametrize("deficiency", sorted(MACHADO))
def test_fate_colours_stay_apart(deficiency: str) -> None:
    seen = {f: _lab(_simulate(_linear(c), MACHADO[deficiency])) for f, c in FATE_COLOURS.items()}
    distances = {(a, b): ciede2000(seen[a], seen[b]) for a, b in itertools.combinations(seen, 2)}
    closest = min(distances, key=distances.__getitem__)
    assert distances[closest] >= THRESHOLDS[deficiency], (closest, distances[closest])


def test_every_fate_has_a_colour_and_violent_fates_a_shape() -> None:
    assert set(FATE_COLOURS) == {f.value for f in Fate}
    assert {Fate.EXECUTED, Fate.DIED_IN_CUSTODY, Fate.ASSASSINATED} <= set(FATE_SHAPES)
    assert len(set(FATE_SHAPES.values())) == len(FATE_SHAPES)
