import type { BrowserContext } from '@playwright/test';
import { crc32, deflateSync } from 'node:zlib';

type Rgb = readonly [number, number, number];

/** A real PNG, each pixel painted by `paint` (no network in CI: the operator's images are made here). */
export function png(width: number, height: number, paint: (x: number, y: number) => Rgb): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), 8 + data.length);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const rows = Array.from({ length: height }, (_, y) => Buffer.from([0, ...Array.from({ length: width }, (_, x) => paint(x, y)).flat()]));
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** One grey all over. */
export const flat = (width: number, height: number, grey: number) => png(width, height, () => [grey, grey, grey]);

const blend = (a: Rgb, b: Rgb, share: number): Rgb =>
  [0, 1, 2].map((i) => Math.round(a[i]! * (1 - share) + b[i]! * share)) as unknown as Rgb;

/**
 * A made-up picture of a coworking space, for the screenshots: a warm wall with three tall
 * windows onto the sky, a long desk and plants, a wooden floor.
 */
export function spacePicture(width = 640, height = 400): Buffer {
  const floorAt = height * 0.72;
  return png(width, height, (x, y) => {
    if (y >= floorAt) {
      const plank = Math.floor((x + (Math.floor((y - floorAt) / 14) % 2) * 40) / 80);
      return blend([139, 94, 60], [110, 72, 44], ((plank * 37) % 10) / 20 + ((y - floorAt) / (height - floorAt)) * 0.3);
    }
    const deskTop = height * 0.6;
    if (y >= deskTop && y < deskTop + 10 && x > width * 0.1 && x < width * 0.9) return [62, 48, 38];
    if (y >= deskTop + 10 && (Math.abs(x - width * 0.14) < 5 || Math.abs(x - width * 0.86) < 5)) return [62, 48, 38];
    for (const cx of [width * 0.06, width * 0.94]) {
      const dx = x - cx;
      const dy = y - height * 0.55;
      if (dx * dx + dy * dy < (height * 0.09) ** 2) return blend([46, 125, 70], [28, 90, 50], (dy + height * 0.09) / (height * 0.18));
      if (Math.abs(dx) < height * 0.05 && y > height * 0.62) return [176, 92, 60];
    }
    const pane = (x / width) * 3;
    const inPane = pane % 1 > 0.2 && pane % 1 < 0.8 && y > height * 0.1 && y < height * 0.52;
    if (inPane) {
      const mullion = Math.abs((pane % 1) - 0.5) < 0.012 || Math.abs(y - height * 0.31) < 2;
      return mullion ? [58, 58, 58] : blend([120, 180, 228], [222, 240, 251], (y - height * 0.1) / (height * 0.42));
    }
    return blend([236, 224, 206], [214, 194, 164], y / floorAt);
  });
}

/**
 * The operator's own site, https://brand.tapdesk.test: /space.png is the picture of the space, any
 * other path the logo. It lets the tablet read its images (CORS), so the worker may keep them.
 */
export async function serveBrandImages(context: BrowserContext, images: { logo: Buffer; space: Buffer }, onRequest?: () => void) {
  await context.route('https://brand.tapdesk.test/**', (route) => {
    onRequest?.();
    const body = route.request().url().endsWith('/space.png') ? images.space : images.logo;
    return route.fulfill({ status: 200, contentType: 'image/png', body, headers: { 'access-control-allow-origin': '*' } });
  });
}
