// A real PNG file, made in memory: what the end-to-end tests upload through the demo's file input.
import { crc32, deflateSync } from 'node:zlib';

function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
  return Buffer.concat([head, data, crc]);
}

/**
 * An 8-bit RGB PNG of `width` × `height` pixels whose colour at (x, y) is `pixel(x, y)` →
 * `[r, g, b]` (default: a blue-to-orange sunset with a sun, easy to recognise in a screenshot).
 */
export function makePng(width = 240, height = 160, pixel = sunset(width, height)) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.writeUInt8(8, 8); // bit depth
  header.writeUInt8(2, 9); // colour type: RGB
  const rows = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y += 1) {
    const row = y * (width * 3 + 1);
    rows[row] = 0; // filter: none
    for (let x = 0; x < width; x += 1) {
      const [r, g, b] = pixel(x, y);
      rows.set([r, g, b], row + 1 + x * 3);
    }
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function sunset(width, height) {
  const sun = { x: width * 0.62, y: height * 0.58, r: Math.min(width, height) * 0.2 };
  const horizon = height * 0.7;
  return (x, y) => {
    if (y > horizon) {
      // The sea: darker blue, with the sun's reflection.
      const glow = Math.abs(x - sun.x) < sun.r * (1 - (y - horizon) / (height - horizon)) ? 90 : 0;
      return [20 + glow * 2, 50 + glow, 110 - glow / 2];
    }
    if ((x - sun.x) ** 2 + (y - sun.y) ** 2 < sun.r ** 2) return [255, 214, 92];
    const t = y / horizon;
    return [Math.round(40 + 215 * t), Math.round(90 + 60 * t), Math.round(200 - 150 * t)];
  };
}
