// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { presetScenario } from '../../app/scenarios';
import { Store } from '../../app/store';
import { canvasToSvg } from './canvasSvg';
import { canvasPicture } from './picture';

function parse(svg: string): Document {
  return new DOMParser().parseFromString(svg, 'image/svg+xml');
}

describe('the canvas as an SVG picture', () => {
  const store = new Store(presetScenario('raft/leader-crash'), { playing: false });
  store.runTo(2300);
  const picture = canvasPicture(store.getState());

  it('is well-formed, standalone XML', () => {
    const { svg, width, height } = canvasToSvg(picture);
    const doc = parse(svg);
    expect(doc.getElementsByTagName('parsererror').length).toBe(0);
    expect(doc.documentElement.getAttribute('xmlns')).toBe('http://www.w3.org/2000/svg');
    expect(doc.documentElement.getAttribute('width')).toBe(String(width));
    expect(height).toBeGreaterThan(300);
    expect(svg).not.toMatch(/class=|<style|href=/);
  });

  it('draws each server with its role word and its badge (Raft: the term), and a crashed one as crashed', () => {
    const doc = parse(canvasToSvg(picture).svg);
    const ids = store.getState().scenario.nodes;
    for (const id of ids) {
      const node = doc.querySelector(`[data-node="${id}"]`);
      expect(node?.textContent).toContain(id);
      expect(node?.textContent).toMatch(/term \d+/);
    }
    expect(doc.querySelector('[data-node="n1"]')?.textContent).toContain('CRASHED');
    expect(doc.querySelector('[data-node="n2"]')?.textContent).toMatch(/follower|candidate|leader/);
    expect(doc.querySelectorAll('[data-link]').length).toBe((ids.length * (ids.length - 1)) / 2);
  });

  it('draws each message in flight at now, labelled', () => {
    const flights = store.getState().frame.messages;
    expect(flights.length).toBeGreaterThan(0);
    const doc = parse(canvasToSvg(picture).svg);
    for (const m of flights) expect(doc.querySelector(`[data-message-id="${m.id}"]`)?.textContent).toBeTruthy();
    expect(doc.querySelectorAll('[data-message-id]').length).toBe(flights.length);
  });

  it('shows a cut link broken, with a cross', () => {
    store.act({ type: 'cut', from: 'n2', to: 'n3' });
    const doc = parse(canvasToSvg(canvasPicture(store.getState())).svg);
    const link = doc.querySelector('[data-link="n2~n3"]');
    expect(link?.querySelectorAll('line').length).toBe(2);
    expect(link?.querySelector('path')).not.toBeNull();
  });

  it('cuts a long title with an ellipsis so it never runs over the clock, and keeps it whole in <title>', () => {
    const long = 'A very long lecture title '.repeat(8).slice(0, 200);
    const { svg, width } = canvasToSvg({ ...picture, title: long });
    const doc = parse(svg);
    const [heading, clock] = [...doc.querySelectorAll('svg > text')];
    const shown = heading?.textContent ?? '';
    expect(shown.endsWith('…')).toBe(true);
    expect(shown.length).toBeLessThan(long.length);
    // Even at a wide bold character (0.62 em) the title ends before the clock's widest text begins.
    const titleEnd = Number(heading?.getAttribute('x')) + shown.length * 18 * 0.62;
    const clockStart = Number(clock?.getAttribute('x')) - 't = 12.345 s'.length * 18 * 0.62;
    expect(titleEnd).toBeLessThan(clockStart);
    expect(doc.querySelector('svg > title')?.textContent).toBe(long);
    expect(width).toBeGreaterThan(0);
    // A short title is left alone.
    expect(parse(canvasToSvg({ ...picture, title: 'Raft' }).svg).querySelector('svg > text')?.textContent).toBe('Raft');
  });

  it('writes text from the run as text, never as markup', () => {
    const hostile = '<b>&"x"</b>';
    const { svg } = canvasToSvg({
      ...picture,
      title: hostile,
      messages: [{ id: 1, x: 0, y: 0, label: hostile, isReply: false, isDuplicate: false, fade: 0 }],
      nodes: picture.nodes.map((p) => ({ ...p, role: hostile })),
    });
    expect(svg).not.toContain('<b>');
    const doc = parse(svg);
    expect(doc.getElementsByTagName('parsererror').length).toBe(0);
    expect(doc.getElementsByTagName('b').length).toBe(0);
    expect(doc.querySelector('[data-message-id="1"]')?.textContent).toBe(hostile);
  });
});
