import { describe, expect, it } from 'vitest';
import type { SeriesDeclaration } from '../../engine/protocol';
import type { SeriesTable } from '../../engine/series';
import { axisLabel, plotSummary, plotsOf } from './model';
import { lineLook } from './style';

const declaration = (name: string, title: string, unit: string, per: SeriesDeclaration['per']): SeriesDeclaration => ({
  name,
  title,
  unit,
  per,
  sample: () => null,
});
const height = declaration('height', 'Height', 'blocks', 'node');
const load = declaration('load', 'Load', 'jobs', 'run');
const table: SeriesTable = {
  times: [0, 100, 200],
  columns: [
    { key: 'height.n2', declaration: height, node: 'n2', peer: null, values: [0, 1, 2] },
    { key: 'height.n1', declaration: height, node: 'n1', peer: null, values: [0, null, 2] },
    { key: 'load', declaration: load, node: null, peer: null, values: [0.5, 1, 1.5] },
  ],
};

describe('the Plots tab’s charts', () => {
  it('makes one chart per series, one line per node, in seconds of virtual time', () => {
    const plots = plotsOf(table, ['n1', 'n2', 'n3']);
    expect(plots.map((p) => p.name)).toEqual(['height', 'load']);
    expect(plots[0]?.times).toEqual([0, 0.1, 0.2]);
    expect(plots[0]?.lines.map((l) => l.label)).toEqual(['n2', 'n1']);
    expect(plots[1]?.lines.map((l) => l.label)).toEqual(['Load']);
  });

  it('gives a node the same look in every chart, from its place in the cluster', () => {
    const [heights] = plotsOf(table, ['n1', 'n2', 'n3']);
    expect(heights?.lines[0]).toMatchObject(lineLook(1));
    expect(heights?.lines[1]).toMatchObject(lineLook(0));
  });

  it('never tells two of the first 48 lines apart by colour alone: colour and dash pairs are all different', () => {
    const looks = Array.from({ length: 48 }, (_, i) => lineLook(i));
    expect(new Set(looks.map((l) => `${l.color}/${l.dash.join(',')}`)).size).toBe(48);
    for (let i = 1; i < 6; i++) expect(looks[i]?.dash).not.toEqual(looks[i - 1]?.dash);
  });

  it('labels the y axis with title and unit, ticks whole numbers for counts, and sums a chart up in words', () => {
    const [heights, loads] = plotsOf(table, ['n1', 'n2']);
    expect(axisLabel(heights as NonNullable<typeof heights>)).toBe('Height (blocks)');
    expect(heights?.isWhole).toBe(true);
    expect(loads?.isWhole).toBe(false);
    expect(plotSummary(heights as NonNullable<typeof heights>)).toBe(
      'Height (blocks) against virtual time, sampled to 0.2 s: n2 2, n1 2.',
    );
  });
});
