import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** One word poppler found on a page, in PDF points from the top left. */
export interface PdfWord {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

/** The words of every page, from `pdftotext -bbox` (poppler-utils). */
export function pdfWords(file: string): PdfWord[][] {
  const html = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8' });
  return html
    .split('<page ')
    .slice(1)
    .map((page) =>
      [...page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map(
        (m) => ({
          xMin: +m[1],
          yMin: +m[2],
          xMax: +m[3],
          yMax: +m[4],
          text: m[5]
            .replace(/&amp;/g, '&')
            .replace(/&lt;/g, '<')
            .replace(/&gt;/g, '>')
            .replace(/&quot;/g, '"'),
        }),
      ),
    );
}

/** Pairs of words whose boxes overlap by more than `tolerance` points in both directions. */
export function overlappingWords(words: PdfWord[], tolerance = 0.5): [PdfWord, PdfWord][] {
  const found: [PdfWord, PdfWord][] = [];
  for (let i = 0; i < words.length; i++) {
    for (let j = i + 1; j < words.length; j++) {
      const a = words[i];
      const b = words[j];
      const x = Math.min(a.xMax, b.xMax) - Math.max(a.xMin, b.xMin);
      const y = Math.min(a.yMax, b.yMax) - Math.max(a.yMin, b.yMin);
      if (x > tolerance && y > tolerance) found.push([a, b]);
    }
  }
  return found;
}

/** Renders every page to PNG with pdftoppm (for people to look at) and returns the files. */
export function renderPng(file: string, outDir: string, dpi = 60): string[] {
  fs.mkdirSync(outDir, { recursive: true });
  const prefix = path.join(outDir, path.basename(file, '.pdf'));
  execFileSync('pdftoppm', ['-r', String(dpi), '-png', file, prefix]);
  return fs
    .readdirSync(outDir)
    .filter((f) => f.startsWith(path.basename(prefix)) && f.endsWith('.png'))
    .sort()
    .map((f) => path.join(outDir, f));
}

/** One page rendered as RGB pixels (pdftoppm's PPM), for colour facts. */
export interface Raster {
  width: number;
  height: number;
  /** Scale from PDF points to pixels. */
  scale: number;
  rgb(x: number, y: number): [number, number, number];
}

export function rasterPage(file: string, page: number, dpi = 72): Raster {
  const ppm = execFileSync('pdftoppm', ['-r', String(dpi), '-f', String(page), '-l', String(page), file], {
    maxBuffer: 64 * 1024 * 1024,
  });
  const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(ppm.subarray(0, 40).toString('latin1'));
  if (!header) throw new Error('pdftoppm did not write a PPM');
  const width = +header[1];
  const height = +header[2];
  const offset = header[0].length;
  return {
    width,
    height,
    scale: dpi / 72,
    rgb: (x, y) => {
      const i = offset + (Math.round(y) * width + Math.round(x)) * 3;
      return [ppm[i], ppm[i + 1], ppm[i + 2]];
    },
  };
}

/** How many pixels inside a box (in PDF points) are close to a colour like '#0f6e56'. */
export function countColour(
  raster: Raster,
  box: { x: number; y: number; w: number; h: number },
  hex: string,
  distance = 60,
): number {
  const target = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  let n = 0;
  for (let y = box.y * raster.scale; y < (box.y + box.h) * raster.scale; y++) {
    for (let x = box.x * raster.scale; x < (box.x + box.w) * raster.scale; x++) {
      const [r, g, b] = raster.rgb(x, y);
      if (Math.abs(r - target[0]) + Math.abs(g - target[1]) + Math.abs(b - target[2]) < distance) n++;
    }
  }
  return n;
}
