import type { Marker } from '../../app/markers';

/** What each kind of marker is called in the legend and in its accessible label. */
export function markerWord(marker: Pick<Marker, 'kind' | 'detail'>): string {
  switch (marker.kind) {
    case 'fault':
      return 'Fault';
    case 'violation':
      return 'Violation';
    case 'pause':
      return 'Stop point';
    case 'caption':
      return 'Caption';
    case 'milestone':
      return marker.detail === 'leader' ? 'New leader' : marker.detail === 'commit' ? 'Commit' : 'Decision';
    default:
      return marker.kind satisfies never;
  }
}

/** The shape class of a marker: shapes differ, so colour is never the only cue. */
export function glyphOf(marker: Pick<Marker, 'kind' | 'detail'>): Glyph {
  if (marker.kind === 'milestone') return marker.detail === 'leader' ? 'leader' : 'commit';
  return marker.kind;
}

export type Glyph = 'fault' | 'violation' | 'pause' | 'caption' | 'leader' | 'commit';

/** A small SVG shape: a triangle for faults, a diamond for violations, a circle for leaders, a square for commits. */
export function MarkerGlyph({ glyph, size = 16 }: { glyph: Glyph; size?: number }) {
  return (
    <svg className={`glyph glyph-${glyph}`} width={size} height={size} viewBox="0 0 16 16" aria-hidden="true">
      {glyph === 'fault' && <polygon points="8,1.5 15,14.5 1,14.5" />}
      {glyph === 'violation' && <polygon points="8,0.5 15.5,8 8,15.5 0.5,8" />}
      {glyph === 'leader' && <circle cx="8" cy="8" r="6.5" />}
      {glyph === 'commit' && <rect x="3" y="3" width="10" height="10" />}
      {glyph === 'pause' && (
        <>
          <rect x="2.5" y="1.5" width="4" height="13" />
          <rect x="9.5" y="1.5" width="4" height="13" />
        </>
      )}
      {glyph === 'caption' && <rect x="1.5" y="3.5" width="13" height="9" rx="2" />}
    </svg>
  );
}

export const LEGEND: readonly { glyph: Glyph; word: string }[] = [
  { glyph: 'fault', word: 'fault' },
  { glyph: 'leader', word: 'new leader' },
  { glyph: 'commit', word: 'commit / decision' },
  { glyph: 'violation', word: 'violation' },
  { glyph: 'pause', word: 'stop point' },
  { glyph: 'caption', word: 'caption' },
];
