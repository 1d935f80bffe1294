#!/usr/bin/env python3
"""Render public/icon-*.png from the design of public/icon.svg, standard library only.

The SVG is a 64x64 rounded square (rx 14, #1f4e8c) with a white "E" made of four
rectangles. Each pixel is 4x4 supersampled for smooth edges. The maskable icon has a
full-bleed square (the platform applies its own mask) and keeps the "E" inside the
central safe zone. Run once after changing the design; the PNGs are committed.
"""
import os
import struct
import zlib

BLUE = (0x1F, 0x4E, 0x8C)
WHITE = (0xFF, 0xFF, 0xFF)
# The "E" of icon.svg's path as rectangles (x0, y0, x1, y1) in its 64-unit space.
E = [(18, 18, 25, 46), (18, 18, 46, 24), (18, 29, 43, 35), (18, 40, 46, 46)]
SS = 4


def inside_rounded(x, y, r):
    cx = min(max(x, r), 64 - r)
    cy = min(max(y, r), 64 - r)
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r


def render(size, maskable):
    # Maskable: scale the "E" about the centre so it sits well inside the 80% safe circle.
    scale = 0.8 if maskable else 1.0
    rows = []
    for py in range(size):
        row = bytearray([0])  # filter: none
        for px in range(size):
            bg = fg = 0
            for sy in range(SS):
                for sx in range(SS):
                    x = (px + (sx + 0.5) / SS) * 64 / size
                    y = (py + (sy + 0.5) / SS) * 64 / size
                    if maskable or inside_rounded(x, y, 14):
                        bg += 1
                        ex = 32 + (x - 32) / scale
                        ey = 32 + (y - 32) / scale
                        if any(x0 <= ex < x1 and y0 <= ey < y1 for x0, y0, x1, y1 in E):
                            fg += 1
            n = SS * SS
            a = bg / n
            if bg == 0:
                row += bytes(4)
                continue
            f = fg / bg
            rgb = [round(BLUE[i] * (1 - f) + WHITE[i] * f) for i in range(3)]
            row += bytes(rgb + [round(a * 255)])
        rows.append(bytes(row))
    raw = b"".join(rows)

    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)

    ihdr = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)  # 8-bit RGBA
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")


def main():
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "public")
    for name, size, maskable in [
        ("icon-192.png", 192, False),
        ("icon-512.png", 512, False),
        ("icon-maskable-512.png", 512, True),
        ("apple-touch-icon.png", 180, True),
    ]:
        with open(os.path.join(out, name), "wb") as f:
            f.write(render(size, maskable))
        print(name)


if __name__ == "__main__":
    main()
