/**
 * Draws the app icons (a white check mark in a ring on Tapdesk teal) as PNG without any image
 * library, so they can be regenerated anywhere: `node --import tsx scripts/make-icons.ts`.
 */
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const TEAL = [15, 61, 62];
const WHITE = [255, 255, 255];

function crc32(buf: Buffer): number {
  let c = ~0;
  for (const byte of buf) {
    c ^= byte;
    for (let k = 0; k < 8; k += 1) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

function distanceToSegment(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const t = Math.max(0, Math.min(1, ((px - ax) * (bx - ax) + (py - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
  return Math.hypot(px - (ax + t * (bx - ax)), py - (ay + t * (by - ay)));
}

function icon(size: number, scale: number, rounded: boolean): Buffer {
  const rows: Buffer[] = [];
  const c = size / 2;
  for (let y = 0; y < size; y += 1) {
    const row = Buffer.alloc(1 + size * 4);
    for (let x = 0; x < size; x += 1) {
      const u = (x - c) / (size * scale);
      const v = (y - c) / (size * scale);
      const corner = rounded
        ? Math.max(0, Math.hypot(Math.max(Math.abs(x - c) - size * 0.3, 0), Math.max(Math.abs(y - c) - size * 0.3, 0)) - size * 0.2)
        : 0;
      const ring = Math.abs(Math.hypot(u, v) - 0.36) < 0.035;
      const tick = Math.min(distanceToSegment(u, v, -0.17, 0.0, -0.05, 0.13), distanceToSegment(u, v, -0.05, 0.13, 0.19, -0.13)) < 0.045;
      const colour = ring || tick ? WHITE : TEAL;
      row.set([...colour, corner > 0 ? 0 : 255], 1 + x * 4);
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

writeFileSync('public/icons/icon-192.png', icon(192, 1, true));
writeFileSync('public/icons/icon-512.png', icon(512, 1, true));
// Maskable: full bleed, the mark inside the 80% safe zone.
writeFileSync('public/icons/icon-maskable-512.png', icon(512, 1.25, false));
