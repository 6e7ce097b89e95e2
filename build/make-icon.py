#!/usr/bin/env python3
"""Generates build/icon.png (1024x1024 placeholder app icon) with the standard library only.

A blue rounded square with a white archive sheet and a car: "一车一档".
Re-run with `python3 build/make-icon.py` after changing it; replace with a designed icon later.
"""
import math
import struct
import zlib
from pathlib import Path

SIZE = 1024
BLUE = (30, 90, 168)
DARK = (15, 47, 90)
WHITE = (255, 255, 255)


def rounded_rect(x0, y0, x1, y1, r):
    cx, cy, hx, hy = (x0 + x1) / 2, (y0 + y1) / 2, (x1 - x0) / 2 - r, (y1 - y0) / 2 - r

    def sdf(x, y):
        qx, qy = abs(x - cx) - hx, abs(y - cy) - hy
        outside = math.hypot(max(qx, 0.0), max(qy, 0.0))
        return outside + min(max(qx, qy), 0.0) - r

    return sdf


def circle(cx, cy, r):
    return lambda x, y: math.hypot(x - cx, y - cy) - r


LAYERS = [
    (rounded_rect(64, 64, 960, 960, 200), BLUE),
    (rounded_rect(272, 184, 752, 840, 44), WHITE),
    (rounded_rect(340, 282, 684, 312, 15), BLUE),
    (rounded_rect(340, 356, 684, 386, 15), BLUE),
    (rounded_rect(340, 430, 560, 460, 15), BLUE),
    (rounded_rect(404, 536, 620, 640, 44), BLUE),
    (rounded_rect(326, 600, 698, 700, 34), BLUE),
    (circle(420, 704, 44), DARK),
    (circle(604, 704, 44), DARK),
    (circle(420, 704, 16), WHITE),
    (circle(604, 704, 16), WHITE),
]


def pixel(x, y):
    r = g = b = a = 0.0
    for sdf, color in LAYERS:
        cover = min(max(0.5 - sdf(x + 0.5, y + 0.5), 0.0), 1.0)
        if cover == 0.0:
            continue
        # "over" compositing with premultiplied accumulation
        r = color[0] * cover + r * (1 - cover)
        g = color[1] * cover + g * (1 - cover)
        b = color[2] * cover + b * (1 - cover)
        a = cover + a * (1 - cover)
    if a == 0.0:
        return (0, 0, 0, 0)
    return (round(r / a), round(g / a), round(b / a), round(a * 255))


def png(width, height, rows):
    def chunk(kind, data):
        body = kind + data
        return struct.pack('>I', len(data)) + body + struct.pack('>I', zlib.crc32(body) & 0xFFFFFFFF)

    raw = b''.join(b'\x00' + bytes(row) for row in rows)
    header = struct.pack('>IIBBBBB', width, height, 8, 6, 0, 0, 0)
    return b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', header) + chunk(b'IDAT', zlib.compress(raw, 9)) + chunk(b'IEND', b'')


def main():
    rows = []
    for y in range(SIZE):
        row = []
        for x in range(SIZE):
            row.extend(pixel(x, y))
        rows.append(row)
    out = Path(__file__).with_name('icon.png')
    out.write_bytes(png(SIZE, SIZE, rows))
    print(f'wrote {out}')


if __name__ == '__main__':
    main()
