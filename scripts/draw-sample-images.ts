/**
 * Draws the sample articles' pictures (made for this project, credit
 * "AA-AA"): SVG drawings rendered by sharp to JPEG (lead pictures,
 * 1800 px wide) and PNG (an inline drawing). Run once; the files are committed:
 *   node scripts/draw-sample-images.ts OUT_DIR
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';

const out = process.argv[2] ?? 'sample-images';
mkdirSync(out, { recursive: true });

/** A seeded random, so a re-run draws the same pictures. */
function rng(seed: number) {
  return () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
}

function mountains(r: () => number, n: number, y: number, h: number, fill: string, w = 1800): string {
  let d = `M0 ${y}`;
  for (let i = 0; i <= n; i++) d += ` L${(i * w) / n} ${y - h * (0.4 + 0.6 * r())}`;
  return `<path d="${d} L${w} ${y + 600} L0 ${y + 600}Z" fill="${fill}"/>`;
}

/** The Wakhan corridor as a relief map: the narrow valley between two ranges, the Panj river along it. */
function wakhan(): string {
  const r = rng(7);
  const river = Array.from({ length: 19 }, (_, i) => `${i * 100},${640 + Math.sin(i / 2) * 60 + r() * 20}`).join(' ');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="1800" height="1200">
  <defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#9cc3e0"/><stop offset="1" stop-color="#e8eef2"/></linearGradient></defs>
  <rect width="1800" height="1200" fill="url(#sky)"/>
  ${mountains(r, 14, 420, 320, '#8d99a6')}
  ${mountains(r, 22, 520, 220, '#6f7d6a')}
  <rect y="560" width="1800" height="200" fill="#c9b98f"/>
  <polyline points="${river}" fill="none" stroke="#4f8fbf" stroke-width="26" stroke-linecap="round"/>
  ${mountains(r, 18, 900, 260, '#5b6650')}
  ${mountains(r, 26, 1060, 200, '#46503e')}
  ${Array.from({ length: 12 }, (_, i) => `<circle cx="${150 + i * 130}" cy="${700 + (i % 3) * 18}" r="${14 + (i % 4) * 3}" fill="#3f6b3a"/>`).join('')}
</svg>`;
}

/** A canal cut through the desert, seen from above: sand, the straight channel, fields along its banks. */
function canal(): string {
  const r = rng(11);
  const fields = Array.from({ length: 60 }, () => {
    const x = r() * 1800, y = r() * 1200;
    const near = Math.abs(y - (200 + x * 0.45)) < 240;
    return near ? `<rect x="${x}" y="${y}" width="${60 + r() * 90}" height="${40 + r() * 60}" fill="${r() > 0.5 ? '#7e9f4f' : '#a7b863'}" transform="rotate(24 ${x} ${y})"/>` : '';
  }).join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="1800" height="1200">
  <rect width="1800" height="1200" fill="#dcc49a"/>
  ${Array.from({ length: 30 }, (_, i) => `<path d="M0 ${i * 45} Q900 ${i * 45 + 60 * Math.sin(i)} 1800 ${i * 45 + 30}" stroke="#cfb486" stroke-width="6" fill="none"/>`).join('')}
  ${fields}
  <line x1="-50" y1="177" x2="1850" y2="1032" stroke="#b89d6d" stroke-width="120"/>
  <line x1="-50" y1="177" x2="1850" y2="1032" stroke="#3d7fa8" stroke-width="70"/>
  <line x1="-50" y1="177" x2="1850" y2="1032" stroke="#5fa3c9" stroke-width="24"/>
</svg>`;
}

/** A railway line running into the distance across open steppe, under a low sun. */
function railway(): string {
  const sleepers = Array.from({ length: 40 }, (_, i) => {
    const t = i / 40, y = 1200 - Math.pow(t, 0.6) * 560, half = 420 * (1 - Math.pow(t, 0.6)) + 12;
    return `<line x1="${900 - half * 1.3}" y1="${y}" x2="${900 + half * 1.3}" y2="${y}" stroke="#6b4f3a" stroke-width="${Math.max(2, 26 * (1 - t))}"/>`;
  }).join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="1800" height="1200">
  <defs><linearGradient id="s" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#f3b26b"/><stop offset="1" stop-color="#fbe7c6"/></linearGradient></defs>
  <rect width="1800" height="640" fill="url(#s)"/>
  <circle cx="1320" cy="560" r="90" fill="#fff3d6"/>
  <path d="M0 640 L300 560 L520 610 L800 540 L1100 600 L1400 550 L1800 620 L1800 1200 L0 1200Z" fill="#9c8f63"/>
  <rect y="640" width="1800" height="560" fill="#b5a46f"/>
  ${sleepers}
  <line x1="354" y1="1200" x2="893" y2="640" stroke="#3b3b3b" stroke-width="14"/>
  <line x1="1446" y1="1200" x2="907" y2="640" stroke="#3b3b3b" stroke-width="14"/>
</svg>`;
}

/** Yurts of herders on a high plateau, the peaks behind: a small inline drawing, kept as PNG. */
function yurts(): string {
  const r = rng(5);
  const yurt = (x: number, y: number, s: number) =>
    `<g transform="translate(${x} ${y}) scale(${s})"><rect x="-60" y="-50" width="120" height="50" fill="#f1ece0" stroke="#7a6a55" stroke-width="4"/>` +
    `<path d="M-70 -48 Q0 -110 70 -48Z" fill="#e2d6bf" stroke="#7a6a55" stroke-width="4"/><rect x="-14" y="-34" width="28" height="34" fill="#8a3b2e"/></g>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="800">
  <rect width="1200" height="800" fill="#cfe0ee"/>
  ${mountains(r, 12, 380, 260, '#f4f6f8', 1200)}
  ${mountains(r, 16, 470, 140, '#9aa79a', 1200)}
  <rect y="520" width="1200" height="280" fill="#a9b487"/>
  ${yurt(330, 640, 1.3)}${yurt(620, 600, 1)}${yurt(860, 660, 1.5)}
  ${Array.from({ length: 14 }, () => `<ellipse cx="${r() * 1200}" cy="${700 + r() * 90}" rx="14" ry="8" fill="#5a4a3a"/>`).join('')}
</svg>`;
}

await sharp(Buffer.from(wakhan())).jpeg({ quality: 84, mozjpeg: true }).toFile(join(out, 'wakhan-map.jpg'));
await sharp(Buffer.from(canal())).jpeg({ quality: 84, mozjpeg: true }).toFile(join(out, 'canal.jpg'));
await sharp(Buffer.from(railway())).jpeg({ quality: 84, mozjpeg: true }).toFile(join(out, 'railway.jpg'));
await sharp(Buffer.from(yurts())).png({ compressionLevel: 9, palette: true }).toFile(join(out, 'yurts.png'));
console.log(`drew 4 pictures into ${out}/`);
