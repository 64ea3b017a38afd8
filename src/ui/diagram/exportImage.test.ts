// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { getProtocol } from '../../protocols';
import firstElection from '../../protocols/raft/presets/first-election.json';
import { parseScenario } from '../../scenario/parse';
import { createSimulation } from '../../scenario/run';
import { diagramModel, diagramScene } from './compose';
import { diagramToSvg, escapeXml } from './exportImage';

function run(untilMs: number) {
  const parsed = parseScenario(firstElection, getProtocol);
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  const sim = createSimulation(parsed.scenario, getProtocol);
  sim.runUntil(untilMs);
  return sim;
}

describe('the diagram as an SVG file', () => {
  const sim = run(1500);
  const hostile = () => ({ label: '<b>&"x"</b>', isReply: false });
  const input = {
    trace: sim.trace,
    traceLength: sim.traceLength,
    nowMs: sim.now,
    nodeIds: sim.nodeIds(),
    describeMessage: hostile,
    windowMs: 300,
  };

  it('is well-formed, standalone XML with the same arrows as the scene', () => {
    const svg = diagramToSvg(input);
    const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
    expect(doc.getElementsByTagName('parsererror').length).toBe(0);
    expect(doc.documentElement.getAttribute('xmlns')).toBe('http://www.w3.org/2000/svg');
    const scene = diagramScene(input, diagramModel(input));
    expect(doc.querySelectorAll('[data-message-id]').length).toBe(scene.arrows.length);
    expect(svg).not.toMatch(/class=|<style|href="http/);
  });

  it('writes text from the run as text, never as markup', () => {
    const svg = diagramToSvg(input);
    expect(svg).not.toContain('<b>');
    expect(svg).toContain(escapeXml('<b>&"x"</b>'));
    const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
    expect(doc.getElementsByTagName('b').length).toBe(0);
  });
});
