import { svgToPngBlob } from '../pictures/rasterize';
import { type DiagramInput, diagramScene } from './compose';
import type { DiagramScene, SceneArrow, SceneText } from './scene';
import { COLOR, CROSS_PX, DOT_PX, FONT, FONT_PX, STROKE } from './style';

/**
 * The diagram as a standalone image: the same scene the component draws, written as SVG text with
 * every style inline (no stylesheet, no ids shared with a page), and every text escaped.
 */

export function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) =>
    c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '&' ? '&amp;' : c === '"' ? '&quot;' : '&apos;',
  );
}

const n = (v: number) => String(Math.round(v * 10) / 10);

function text(t: SceneText, fontPx: number, fill: string, weight = 400): string {
  return `<text x="${n(t.x)}" y="${n(t.y)}" text-anchor="${t.anchor}" dominant-baseline="central" font-size="${fontPx}" font-weight="${weight}" fill="${fill}" stroke="${COLOR.halo}" stroke-width="4" stroke-linejoin="round" paint-order="stroke">${escapeXml(t.text)}</text>`;
}

function arrowSvg(a: SceneArrow, isHighlighted: boolean): string {
  const s = a.segment;
  const color = a.fate === 'dropped' ? COLOR.dropped : COLOR.message;
  const dash = a.isReply ? ` stroke-dasharray="${STROKE.replyDash}"` : '';
  const width = isHighlighted ? STROKE.highlighted : STROKE.message;
  const line = `x1="${n(s.x1)}" y1="${n(s.y1)}" x2="${n(s.x2)}" y2="${n(s.y2)}"`;
  const parts = [`<title>${escapeXml(a.title)}</title>`];
  if (isHighlighted) parts.push(`<line ${line} stroke="${COLOR.highlight}" stroke-width="10" stroke-linecap="round"/>`);
  parts.push(`<line ${line} stroke="${color}" stroke-width="${width}"${dash}/>`);
  if (a.head) {
    const points = a.head.map(([x, y]) => `${n(x)},${n(y)}`).join(' ');
    parts.push(
      a.isReply
        ? `<polyline points="${points}" fill="none" stroke="${color}" stroke-width="${width}" stroke-linejoin="round"/>`
        : `<polygon points="${points}" fill="${color}"/>`,
    );
  } else if (a.fate === 'dropped') {
    const c = CROSS_PX;
    parts.push(
      `<path d="M${n(s.x2 - c)},${n(s.y2 - c)}L${n(s.x2 + c)},${n(s.y2 + c)}M${n(s.x2 - c)},${n(s.y2 + c)}L${n(s.x2 + c)},${n(s.y2 - c)}" stroke="${COLOR.dropped}" stroke-width="3" stroke-linecap="round"/>`,
    );
  } else {
    parts.push(
      `<circle cx="${n(s.x2)}" cy="${n(s.y2)}" r="${DOT_PX}" fill="${a.isReply ? COLOR.background : color}" stroke="${color}" stroke-width="2"/>`,
    );
  }
  return `<g data-message-id="${a.id}">${parts.join('')}</g>`;
}

/** The diagram as SVG text, `highlighted` drawn as on screen. */
export function sceneToSvgString(scene: DiagramScene, highlighted: number | null = null): string {
  const { width, height, plot } = scene;
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${escapeXml(FONT)}">`,
    '<defs><pattern id="crash-hatch" width="10" height="10" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">',
    `<rect width="10" height="10" fill="${COLOR.crashFill}"/><line x1="0" y1="0" x2="0" y2="10" stroke="${COLOR.crashStripe}" stroke-width="4"/>`,
    '</pattern></defs>',
    `<rect width="${width}" height="${height}" fill="${COLOR.background}"/>`,
  );
  for (const t of scene.ticks)
    out.push(`<line x1="${n(t.x)}" y1="${plot.top}" x2="${n(t.x)}" y2="${plot.bottom}" stroke="${COLOR.grid}"/>`);
  for (const b of scene.bands) {
    const fill = b.kind === 'crashed' ? 'url(#crash-hatch)' : (COLOR.sides[b.side % COLOR.sides.length] as string);
    out.push(
      `<rect x="${n(b.x)}" y="${n(b.y)}" width="${n(b.w)}" height="${n(b.h)}" fill="${fill}"${b.kind === 'crashed' ? ` stroke="${COLOR.crashStripe}"` : ''}><title>${escapeXml(b.title)}</title></rect>`,
    );
  }
  for (const l of scene.lanes)
    out.push(
      `<line x1="${plot.left}" y1="${n(l.y)}" x2="${plot.right}" y2="${n(l.y)}" stroke="${COLOR.lane}" stroke-width="${STROKE.lane}"/>`,
    );
  for (const m of scene.marks)
    out.push(
      `<line x1="${n(m.x)}" y1="${n(m.y1 - 8)}" x2="${n(m.x)}" y2="${n(m.y2 + 8)}" stroke="${COLOR.ink}" stroke-width="2" stroke-dasharray="2 4"><title>${escapeXml(m.title)}</title></line>`,
    );
  for (const a of scene.arrows) out.push(arrowSvg(a, a.id === highlighted));
  for (const b of scene.bands) if (b.text) out.push(text(b.text, FONT_PX.mark, COLOR.ink, 700));
  for (const m of scene.marks) if (m.text) out.push(text(m.text, FONT_PX.mark, COLOR.ink, 600));
  for (const a of scene.arrows) {
    if (a.label) out.push(text(a.label, FONT_PX.label, COLOR.ink, a.id === highlighted ? 700 : 500));
    for (const c of a.clocks) out.push(text(c, FONT_PX.clock, COLOR.muted, 600));
  }
  for (const l of scene.lanes)
    out.push(text({ x: plot.left - 12, y: l.y, text: l.id, anchor: 'end' }, FONT_PX.lane, COLOR.ink, 700));
  for (const t of scene.ticks)
    out.push(text({ x: t.x, y: plot.bottom + 18, text: t.label, anchor: 'middle' }, FONT_PX.tick, COLOR.muted));
  if (scene.cursor) {
    const c = scene.cursor;
    out.push(
      `<line x1="${n(c.x)}" y1="${plot.top - 6}" x2="${n(c.x)}" y2="${plot.bottom}" stroke="${COLOR.cursor}" stroke-width="${STROKE.cursor}"/>`,
      text(c.label, FONT_PX.mark, COLOR.cursor, 700),
    );
  }
  out.push('</svg>');
  return out.join('\n');
}

/**
 * The diagram as a PNG, in the browser: the SVG drawn into a canvas through an Image. `scale` 2 gives
 * a sharp image for slides.
 */
export function sceneToPngBlob(scene: DiagramScene, highlighted: number | null = null, scale = 2): Promise<Blob> {
  return svgToPngBlob(sceneToSvgString(scene, highlighted), scene.width, scene.height, scale);
}

/** The diagram of a run at `now` as SVG text: what the component shows with the same inputs. */
export function diagramToSvg(input: DiagramInput): string {
  return sceneToSvgString(diagramScene(input), input.highlighted ?? null);
}

/** The diagram of a run at `now` as a PNG blob (browser only). */
export function diagramToPng(input: DiagramInput, scale = 2): Promise<Blob> {
  return sceneToPngBlob(diagramScene(input), input.highlighted ?? null, scale);
}
