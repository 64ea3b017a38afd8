import { centerOf, NODE_SIZE, type XY } from '../../app/layout';
import { escapeXml } from '../diagram/exportImage';
import { FONT } from '../diagram/style';
import type { CanvasPicture, PictureLink, PictureMessage, PictureNode } from './picture';

/**
 * The canvas as a standalone SVG picture: crisp at any size, every style inline, every text from the
 * run escaped. The colours and sizes follow the canvas's stylesheet (canvas.css).
 */

const MARGIN = 48;
const HEADER = 44;
const INK = '#1c2430';
const MUTED = '#5a6472';
const DANGER = '#b3261e';
const MESSAGE = '#24364f';

const n = (v: number) => String(Math.round(v * 10) / 10);

/** The header's text size, and a generous average width of one of its characters (bold, in em). */
const HEADER_FONT = 18;
const CHAR_EM = 0.62;
/** Room kept for the clock label at the header's right end (`t = 12.345 s`). */
const CLOCK_ROOM = 150;

/**
 * The title cut to fit beside the clock, with an ellipsis when it is too long: a picture has no hover,
 * so the full title goes in the SVG's <title> for screen readers and viewers that show it.
 */
export function fitTitle(title: string, width: number): string {
  const chars = Math.max(8, Math.floor((width - MARGIN - CLOCK_ROOM) / (HEADER_FONT * CHAR_EM)));
  const text = [...title];
  return text.length <= chars
    ? title
    : `${text
        .slice(0, chars - 1)
        .join('')
        .trimEnd()}…`;
}

export interface CanvasSvg {
  readonly svg: string;
  readonly width: number;
  readonly height: number;
}

export function canvasToSvg(picture: CanvasPicture): CanvasSvg {
  let x0 = Number.POSITIVE_INFINITY;
  let y0 = Number.POSITIVE_INFINITY;
  let x1 = Number.NEGATIVE_INFINITY;
  let y1 = Number.NEGATIVE_INFINITY;
  for (const p of picture.nodes) {
    x0 = Math.min(x0, p.x);
    y0 = Math.min(y0, p.y);
    x1 = Math.max(x1, p.x + NODE_SIZE);
    y1 = Math.max(y1, p.y + NODE_SIZE);
  }
  if (!Number.isFinite(x0)) [x0, y0, x1, y1] = [0, 0, NODE_SIZE, NODE_SIZE];
  const width = Math.ceil(Math.max(x1 - x0 + 2 * MARGIN, 420));
  const height = Math.ceil(y1 - y0 + 2 * MARGIN + HEADER);
  // Flow coordinates shifted so the cluster sits under the header, centred.
  const dx = (width - (x1 - x0)) / 2 - x0;
  const dy = MARGIN + HEADER - y0;
  const at = new Map(picture.nodes.map((p) => [p.id, centerOf(p)]));
  const title = picture.title || 'Custom run';

  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${escapeXml(FONT)}">`,
    `<rect width="${width}" height="${height}" fill="#fafbfc"/>`,
    `<title>${escapeXml(title)}</title>`,
    `<text x="${MARGIN / 2}" y="28" font-size="${HEADER_FONT}" font-weight="700" fill="${INK}">${escapeXml(fitTitle(title, width))}</text>`,
    `<text x="${width - MARGIN / 2}" y="28" font-size="${HEADER_FONT}" text-anchor="end" fill="${MUTED}">t = ${(picture.nowMs / 1000).toFixed(3)} s</text>`,
    `<g transform="translate(${n(dx)} ${n(dy)})">`,
  ];
  for (const link of picture.links) {
    const a = at.get(link.a);
    const b = at.get(link.b);
    if (a && b) out.push(linkSvg(link, a, b));
  }
  for (const node of picture.nodes) out.push(nodeSvg(node));
  for (const m of picture.messages) out.push(messageSvg(m));
  out.push('</g>', '</svg>');
  return { svg: out.join('\n'), width, height };
}

function linkSvg(link: PictureLink, p: XY, q: XY): string {
  const point = (t: number) => ({ x: p.x + (q.x - p.x) * t, y: p.y + (q.y - p.y) * t });
  const line = (a: XY, b: XY, style: string) =>
    `<line x1="${n(a.x)}" y1="${n(a.y)}" x2="${n(b.x)}" y2="${n(b.y)}" ${style}/>`;
  const title = `<title>Link ${escapeXml(link.a)}–${escapeXml(link.b)}: ${link.status}</title>`;
  const { status } = link;
  const parts: string[] = [];
  if (status === 'open') parts.push(line(p, q, 'stroke="#b8bfc9" stroke-width="2.5"'));
  else if (status === 'cut' || status === 'partitioned') {
    const style =
      status === 'cut'
        ? `stroke="${DANGER}" stroke-width="2.5" stroke-dasharray="8 6"`
        : 'stroke="#c9ced6" stroke-width="2.5" stroke-dasharray="3 6"';
    parts.push(line(p, point(0.44), style), line(point(0.56), q, style));
  } else parts.push(line(p, q, `stroke="${DANGER}" stroke-width="2.5"`));
  const cross =
    status === 'cut' ? point(0.5) : status === 'cut-ab' ? point(0.78) : status === 'cut-ba' ? point(0.22) : null;
  if (cross)
    parts.push(
      `<g transform="translate(${n(cross.x)} ${n(cross.y)})"><circle r="11" fill="#fff" stroke="${DANGER}" stroke-width="2"/><path d="M -5 -5 L 5 5 M 5 -5 L -5 5" stroke="${DANGER}" stroke-width="2.5" stroke-linecap="round"/></g>`,
    );
  return `<g data-link="${escapeXml(link.a)}~${escapeXml(link.b)}">${title}${parts.join('')}</g>`;
}

function nodeSvg(node: PictureNode): string {
  const c = centerOf(node);
  const r = NODE_SIZE / 2;
  const ring = node.isUp
    ? `<circle cx="${n(c.x)}" cy="${n(c.y)}" r="${r - 2}" fill="#fff" stroke="${escapeXml(node.color)}" stroke-width="4"/>`
    : `<circle cx="${n(c.x)}" cy="${n(c.y)}" r="${r - 2}" fill="#eceef1" stroke="#6b7280" stroke-width="4" stroke-dasharray="10 6"/>`;
  const text = (dy: number, size: number, weight: number, fill: string, body: string) =>
    `<text x="${n(c.x)}" y="${n(c.y + dy)}" text-anchor="middle" dominant-baseline="central" font-size="${size}" font-weight="${weight}" fill="${fill}">${escapeXml(body)}</text>`;
  const hasBadge = node.badge !== undefined;
  const top = hasBadge ? -22 : -12;
  const lines = [
    text(top, 25, 700, INK, node.id),
    node.isUp
      ? text(top + 24, 16, 700, node.color, node.glyph ? `${node.glyph} ${node.role}` : node.role)
      : text(top + 24, 15, 800, '#374151', '✕ CRASHED'),
  ];
  if (node.badge !== undefined) lines.push(text(top + 44, 16, 400, MUTED, node.badge));
  return `<g data-node="${escapeXml(node.id)}">${ring}${lines.join('')}</g>`;
}

function messageSvg(m: PictureMessage): string {
  const w = Math.max(24, m.label.length * 8.2 + 18);
  const h = 22;
  const x = m.x - w / 2;
  const y = m.y - h / 2;
  const stroke = m.fade > 0 ? DANGER : MESSAGE;
  const dash = m.isDuplicate ? ' stroke-dasharray="4 3"' : '';
  const box = m.isReply
    ? `<rect x="${n(x)}" y="${n(y)}" width="${n(w)}" height="${h}" rx="${h / 2}" fill="#fff" stroke="${stroke}" stroke-width="1.5"${dash}/>`
    : `<rect x="${n(x)}" y="${n(y)}" width="${n(w)}" height="${h}" rx="4" fill="${MESSAGE}" stroke="${stroke}" stroke-width="1.5"${dash}/>`;
  const label = `<text x="${n(m.x)}" y="${n(m.y)}" text-anchor="middle" dominant-baseline="central" font-size="14" font-weight="600" fill="${m.isReply ? MESSAGE : '#fff'}">${escapeXml(m.label)}</text>`;
  const opacity = m.fade > 0 ? ` opacity="${n(1 - m.fade * 0.85)}"` : '';
  return `<g data-message-id="${m.id}"${opacity}>${box}${label}</g>`;
}
