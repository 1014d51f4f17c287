"""MkDocs hook: the image that a shared link shows (og:image, twitter:image), made at build time.

A 1200×630 PNG in the site's colours with the results chart's motif (bars against their targets),
written into the site as assets/share.png (one image for every language). Pure Python (zlib): no image service, no
network, no font. overrides/main.html points the OpenGraph and Twitter tags at it.
"""
from __future__ import annotations

import functools
import struct
import zlib
from pathlib import Path

WIDTH, HEIGHT = 1200, 630
NAME = "assets/share.png"
_BACKGROUND = (0x1D, 0x4F, 0x73)  # --md-primary-fg-color
_TARGET = (0x2F, 0x6A, 0x94)  # --md-primary-fg-color--light: the outlined target bar
_RESULT = (0xFF, 0xFF, 0xFF)
_ACCENT = (0xE0, 0x9F, 0x3E)
# Bars as (share of the width of a target bar reached); a motif, not data.
_BARS = (0.82, 1.0, 1.0, 0.28)


def _rows() -> list[bytes]:
    left, bar_width, bar_height, gap, top = 120, 960, 70, 50, 120
    rows = []
    for y in range(HEIGHT):
        row = bytearray(_BACKGROUND * WIDTH)
        index, offset = divmod(y - top, bar_height + gap)
        if 0 <= index < len(_BARS) and offset < bar_height:
            reached = left + int(bar_width * _BARS[index])
            for x in range(left, left + bar_width):
                row[3 * x: 3 * x + 3] = bytes(_RESULT if x < reached else _TARGET)
        if HEIGHT - 60 <= y < HEIGHT - 40:
            row[3 * left: 3 * (left + bar_width)] = bytes(_ACCENT * bar_width)
        rows.append(b"\x00" + bytes(row))  # filter type 0 per row
    return rows


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


@functools.lru_cache(maxsize=1)
def share_image_png() -> bytes:
    header = struct.pack(">IIBBBBB", WIDTH, HEIGHT, 8, 2, 0, 0, 0)  # 8-bit RGB
    return (b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header)
            + _chunk(b"IDAT", zlib.compress(b"".join(_rows()), 9)) + _chunk(b"IEND", b""))


def on_post_build(config) -> None:
    path = Path(config.site_dir) / NAME
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(share_image_png())
