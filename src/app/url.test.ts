import { describe, expect, it } from 'vitest';
import { startOptions } from './url';

describe('?layout= overrides the protocol’s layout hint for the canvas', () => {
  it('takes a known layout', () => {
    expect(startOptions('?layout=grid')).toMatchObject({ layout: 'grid', problems: [] });
    expect(startOptions('?preset=raft/lecture').layout).toBeNull();
  });

  it('ignores an unknown one with a note naming it and the known ones', () => {
    const { layout, problems } = startOptions('?layout=spiral');
    expect(layout).toBeNull();
    expect(problems).toEqual([
      'There is no layout "spiral" (circle, ring, clients-servers, pipeline, grid); using the protocol\'s.',
    ]);
  });
});
