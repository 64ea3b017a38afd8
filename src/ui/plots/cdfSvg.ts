import { escapeXml } from '../diagram/exportImage';
import { type Cdf, quantityLabel, stepPoints } from './cdf';
import { AXIS_INK, GRID } from './style';

/** Round ticks (a step of 1, 2 or 5 times a power of ten) from at or below min to at or above max, about `count` steps. */
export function niceTicks(min: number, max: number, count = 6): number[] {
  if (!(max > min)) return [min];
  const raw = (max - min) / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 5, 10].find((m) => m * power >= raw) ?? 10) * power;
  const ticks: number[] = [];
  const first = Math.floor(min / step + 1e-9);
  const last = Math.ceil(max / step - 1e-9);
  for (let k = first; k <= last; k++) ticks.push(Number((k * step).toPrecision(12)));
  return ticks;
}

const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
const n = (v: number) => String(Math.round(v * 10) / 10);

export interface SvgSize {
  readonly width: number;
  readonly height: number;
}

/**
 * A CDF chart as a standalone SVG document drawn from the data (not a picture of the canvas): the step line of
 * every parameter value in its colour and dash, axes with round ticks, and a legend naming each line. Every
 * style inline and every text escaped, so it opens in a browser, an editor or a slide as it is.
 */
export function cdfSvg(cdf: Cdf, size: SvgSize = { width: 960, height: 540 }): string {
  const { width, height } = size;
  const fontPx = 16;
  const legendWidth = Math.min(240, Math.max(140, ...cdf.lines.map((l) => 48 + l.label.length * 9)));
  const left = 72;
  const right = width - legendWidth - 16;
  const top = 44;
  const bottom = height - 64;
  const all = cdf.lines.flatMap((l) => l.values);
  const lo = Math.min(0, ...all);
  const hi = all.length > 0 ? Math.max(...all) : 1;
  const xTicks = niceTicks(lo, hi > lo ? hi : lo + 1);
  const xMax = Math.max(hi, xTicks[xTicks.length - 1] as number);
  const xOf = (v: number) => left + ((v - lo) / (xMax - lo || 1)) * (right - left);
  const yOf = (f: number) => bottom - f * (bottom - top);
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${escapeXml(FONT)}" font-size="${fontPx}">`,
    `<title>${escapeXml(`CDF of ${quantityLabel(cdf)}`)}</title>`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text x="${left}" y="26" font-size="18" font-weight="700" fill="#1c2430">${escapeXml(cdf.title)}</text>`,
  ];
  for (const t of xTicks) {
    const x = n(xOf(t));
    out.push(`<line x1="${x}" y1="${top}" x2="${x}" y2="${bottom}" stroke="${GRID}"/>`);
    out.push(`<text x="${x}" y="${bottom + 22}" text-anchor="middle" fill="${AXIS_INK}">${t}</text>`);
  }
  for (const f of [0, 0.25, 0.5, 0.75, 1]) {
    const y = n(yOf(f));
    out.push(`<line x1="${left}" y1="${y}" x2="${right}" y2="${y}" stroke="${GRID}"/>`);
    out.push(
      `<text x="${left - 8}" y="${y}" text-anchor="end" dominant-baseline="central" fill="${AXIS_INK}">${f}</text>`,
    );
  }
  out.push(
    `<path d="M${left},${top}V${bottom}H${right}" fill="none" stroke="${AXIS_INK}" stroke-width="1.5"/>`,
    `<text x="${n((left + right) / 2)}" y="${height - 18}" text-anchor="middle" font-weight="600" fill="${AXIS_INK}">${escapeXml(quantityLabel(cdf))}</text>`,
    `<text transform="translate(20 ${n((top + bottom) / 2)}) rotate(-90)" text-anchor="middle" font-weight="600" fill="${AXIS_INK}">Cumulative fraction of trials</text>`,
  );
  cdf.lines.forEach((line, i) => {
    const dash = line.dash.length > 0 ? ` stroke-dasharray="${line.dash.join(' ')}"` : '';
    const points = stepPoints(line);
    if (points.length > 0) {
      const d = points.map(([x, f], k) => `${k === 0 ? 'M' : 'L'}${n(xOf(x))},${n(yOf(f))}`).join('');
      out.push(
        `<path d="${d}" fill="none" stroke="${line.color}" stroke-width="2.5"${dash}><title>${escapeXml(line.label)}</title></path>`,
      );
    }
    const y = top + 12 + i * 26;
    const x = right + 24;
    out.push(
      `<line x1="${x}" y1="${y}" x2="${x + 32}" y2="${y}" stroke="${line.color}" stroke-width="3"${dash}/>`,
      `<text x="${x + 40}" y="${y}" dominant-baseline="central" fill="#1c2430">${escapeXml(line.label)}</text>`,
    );
  });
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}
