// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TraceRecord } from '../../engine/types';
import { getProtocol } from '../../protocols';
import firstElection from '../../protocols/raft/presets/first-election.json';
import { parseScenario } from '../../scenario/parse';
import { createSimulation } from '../../scenario/run';
import { visibleWindow } from './geometry';
import { SpaceTimeDiagram } from './SpaceTimeDiagram';

afterEach(cleanup);

function firstElectionAt(untilMs: number) {
  const parsed = parseScenario(firstElection, getProtocol);
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  const sim = createSimulation(parsed.scenario, getProtocol);
  sim.runUntil(untilMs);
  return sim;
}

type Sim = ReturnType<typeof firstElectionAt>;

function draw(sim: Sim, extra: Partial<Parameters<typeof SpaceTimeDiagram>[0]> = {}) {
  return render(
    <SpaceTimeDiagram
      trace={sim.trace}
      traceLength={sim.traceLength}
      now={sim.now}
      nodeIds={sim.nodeIds()}
      describeMessage={sim.protocol.describeMessage}
      width={900}
      height={300}
      {...extra}
    />,
  );
}

/** The ids of the messages delivered by now whose arrow falls in [startMs, endMs], from the trace itself. */
function deliveredInWindow(sim: Sim, startMs: number, endMs: number): number[] {
  const happened = sim.trace.slice(0, sim.traceLength);
  const sentAt = new Map<number, number>();
  for (const r of happened) if (r.kind === 'send') sentAt.set(r.id, r.t);
  return happened
    .filter((r): r is Extract<TraceRecord, { kind: 'deliver' }> => r.kind === 'deliver')
    .filter((r) => r.t >= startMs && (sentAt.get(r.id) ?? Number.POSITIVE_INFINITY) <= endMs)
    .map((r) => r.id)
    .sort((a, b) => a - b);
}

function arrowIds(container: HTMLElement, fate: string): number[] {
  return [...container.querySelectorAll(`[data-message-id][data-fate="${fate}"]`)]
    .map((el) => Number(el.getAttribute('data-message-id')))
    .sort((a, b) => a - b);
}

describe('the space-time diagram of a first election', () => {
  it('draws exactly one arrow per message delivered within the window', () => {
    const sim = firstElectionAt(1500);
    const { container } = draw(sim);
    const window = visibleWindow(sim.now, 1000);
    const expected = deliveredInWindow(sim, window.startMs, window.endMs);
    expect(expected.length).toBeGreaterThan(20);
    expect(arrowIds(container, 'delivered')).toEqual(expected);
    const all = [...container.querySelectorAll('[data-message-id]')].map((el) => el.getAttribute('data-message-id'));
    expect(new Set(all).size).toBe(all.length);
  });

  it('draws nothing from the known future after a rewind', () => {
    const sim = firstElectionAt(700);
    const past = sim.snapshot();
    sim.runUntil(1500);
    sim.restore(past);
    const { container } = draw(sim, { windowMs: 2000 });
    expect(arrowIds(container, 'delivered')).toEqual(deliveredInWindow(sim, 0, 2000));
    const sentLater = new Set(sim.trace.slice(sim.traceLength).flatMap((r) => (r.kind === 'send' ? [r.id] : [])));
    for (const el of container.querySelectorAll('[data-message-id]'))
      expect(sentLater.has(Number(el.getAttribute('data-message-id')))).toBe(false);
  });

  it('seeks to the time under a click, within the window', () => {
    const sim = firstElectionAt(1500);
    const onSeek = vi.fn();
    draw(sim, { onSeek });
    fireEvent.click(screen.getByRole('application', { name: 'Space-time diagram' }), { clientX: 500, clientY: 100 });
    expect(onSeek).toHaveBeenCalledTimes(1);
    const t = onSeek.mock.calls[0]?.[0] as number;
    const window = visibleWindow(sim.now, 1000);
    expect(t).toBeGreaterThanOrEqual(window.startMs);
    expect(t).toBeLessThanOrEqual(window.endMs);
  });

  it('reports the arrow under the pointer and highlights the one it is given', () => {
    const sim = firstElectionAt(1500);
    const onHover = vi.fn();
    const { container, rerender } = draw(sim, { onHover });
    const arrow = container.querySelector('[data-message-id][data-fate="delivered"]') as Element;
    const id = Number(arrow.getAttribute('data-message-id'));
    fireEvent.pointerOver(arrow);
    expect(onHover).toHaveBeenLastCalledWith(id);
    fireEvent.pointerOut(arrow);
    expect(onHover).toHaveBeenLastCalledWith(null);
    rerender(
      <SpaceTimeDiagram
        trace={sim.trace}
        traceLength={sim.traceLength}
        now={sim.now}
        nodeIds={sim.nodeIds()}
        describeMessage={sim.protocol.describeMessage}
        width={900}
        height={300}
        highlighted={id}
      />,
    );
    const lines = container.querySelectorAll(`[data-message-id="${id}"] line`);
    expect(lines.length).toBeGreaterThan(2);
  });

  it('is focusable, described, and walks its messages from the keyboard', () => {
    const sim = firstElectionAt(1500);
    const onHover = vi.fn();
    const onSeek = vi.fn();
    draw(sim, { onHover, onSeek });
    const diagram = screen.getByRole('application', { name: 'Space-time diagram' });
    expect(diagram.tabIndex).toBe(0);
    expect(diagram.getAttribute('aria-describedby')).toBeTruthy();
    const description = document.getElementById(diagram.getAttribute('aria-describedby') ?? '');
    expect(description?.textContent).toMatch(/One row per node: n1, n2, n3, n4, n5/);
    expect(screen.getByRole('list', { name: /latest messages/i }).querySelectorAll('li').length).toBe(12);
    fireEvent.keyDown(diagram, { key: 'End' });
    const last = onHover.mock.calls.at(-1)?.[0] as number;
    fireEvent.keyDown(diagram, { key: 'ArrowLeft' });
    expect(onHover.mock.calls.at(-1)?.[0]).toBeLessThan(last);
    fireEvent.keyDown(diagram, { key: 'Enter' });
    expect(onSeek).toHaveBeenCalledTimes(1);
  });

  it('zooms with its buttons', () => {
    const sim = firstElectionAt(1500);
    const onWindowMsChange = vi.fn();
    draw(sim, { onWindowMsChange });
    fireEvent.click(screen.getByRole('button', { name: 'Show more time' }));
    expect(onWindowMsChange).toHaveBeenLastCalledWith(2000);
  });

  it('writes logical clocks at event points when asked', () => {
    const sim = firstElectionAt(400);
    const { container } = draw(sim, { clocks: 'vector', windowMs: 500 });
    const texts = [...container.querySelectorAll('text')].map((t) => t.textContent ?? '');
    expect(texts.some((t) => /^\[\d+(,\d+){4}\]$/.test(t))).toBe(true);
  });
});
