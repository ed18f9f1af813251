/**
 * What the graph canvas shows, measured from a real screenshot: the screenshot is decoded in the page
 * (an <img> from a data: URL) and the pixels of an area are counted by colour. WebGL canvases cannot be
 * read back after the frame, a screenshot can.
 */
import type { Page } from 'playwright-core';

export interface PixelCount {
  /** Pixels that are not (near) white. */
  inked: number;
  /** Pixels within a small distance of each requested colour. */
  byColor: Record<string, number>;
  total: number;
}

export async function countPixels(page: Page, selector: string, colors: string[]): Promise<PixelCount> {
  const box = await page.locator(selector).boundingBox();
  if (!box) throw new Error(`pixels: ${selector} is not visible`);
  const png = await page.screenshot({ type: 'png', clip: box });
  return page.evaluate(
    async ({ b64, colors }) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const canvas = document.createElement('canvas');
      canvas.width = img.naturalWidth;
      canvas.height = img.naturalHeight;
      const ctx = canvas.getContext('2d');
      if (!ctx) throw new Error('pixels: no 2D context');
      ctx.drawImage(img, 0, 0);
      const data = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
      const targets = colors.map((c) => [
        parseInt(c.slice(1, 3), 16),
        parseInt(c.slice(3, 5), 16),
        parseInt(c.slice(5, 7), 16),
      ]);
      const byColor: Record<string, number> = Object.fromEntries(colors.map((c) => [c, 0]));
      let inked = 0;
      for (let i = 0; i < data.length; i += 4) {
        const r = data[i] ?? 255;
        const g = data[i + 1] ?? 255;
        const b = data[i + 2] ?? 255;
        if (r < 235 || g < 235 || b < 235) inked++;
        targets.forEach((t, j) => {
          if (Math.abs(r - (t[0] ?? 0)) < 12 && Math.abs(g - (t[1] ?? 0)) < 12 && Math.abs(b - (t[2] ?? 0)) < 12) {
            const key = colors[j];
            if (key) byColor[key] = (byColor[key] ?? 0) + 1;
          }
        });
      }
      return { inked, byColor, total: data.length / 4 };
    },
    { b64: png.toString('base64'), colors },
  );
}
