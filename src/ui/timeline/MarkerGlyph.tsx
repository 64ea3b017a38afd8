import type { Marker } from '../../app/markers';
import type { Face, Shape } from '../../engine/face';
import { inputKindNamed } from '../../engine/inputs/table';

/** A glyph: its name (a CSS class and a legend key) and its shape; shapes differ, so colour is never the only cue. */
export interface Glyph {
  readonly name: string;
  readonly shape: Shape | 'bars' | 'card';
}

const FIXED = {
  fault: { glyph: { name: 'fault', shape: 'triangle' }, word: 'Fault' },
  violation: { glyph: { name: 'violation', shape: 'diamond' }, word: 'Violation' },
  pause: { glyph: { name: 'pause', shape: 'bars' }, word: 'Stop point' },
  caption: { glyph: { name: 'caption', shape: 'card' }, word: 'Caption' },
} as const satisfies Record<Exclude<Marker['kind'], 'milestone'>, { glyph: Glyph; word: string }>;

const capital = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

/** What a marker is called in its accessible label: the engine's kinds, or the protocol's milestone word. */
export function markerWord(marker: Pick<Marker, 'kind' | 'detail'>, face: Face): string {
  if (marker.kind !== 'milestone') return FIXED[marker.kind].word;
  return capital(face.milestones.find((m) => m.kind === marker.detail)?.word ?? marker.detail);
}

/** A marker's glyph: fixed for the engine's kinds, the protocol's shape for its milestones. */
export function glyphOf(marker: Pick<Marker, 'kind' | 'detail'>, face: Face): Glyph {
  // A fault's glyph is its input kind's (engine/inputs); every kind so far has the one fault glyph.
  if (marker.kind === 'fault') return inputKindNamed(marker.detail)?.fault?.glyph ?? FIXED.fault.glyph;
  if (marker.kind !== 'milestone') return FIXED[marker.kind].glyph;
  const index = face.milestones.findIndex((m) => m.kind === marker.detail);
  const shape = face.milestones[index]?.shape ?? 'circle';
  return { name: `milestone-${Math.max(0, index) % 3}`, shape };
}

/** The legend: faults, the protocol's milestones, violations, stop points, captions. */
export function legendOf(face: Face): readonly { glyph: Glyph; word: string }[] {
  const milestones = face.milestones.map((m) => ({
    glyph: glyphOf({ kind: 'milestone', detail: m.kind }, face),
    word: m.word,
  }));
  return [
    { glyph: FIXED.fault.glyph, word: 'fault' },
    ...milestones,
    { glyph: FIXED.violation.glyph, word: 'violation' },
    { glyph: FIXED.pause.glyph, word: 'stop point' },
    { glyph: FIXED.caption.glyph, word: 'caption' },
  ];
}

/** A small SVG shape in a 16 x 16 box. */
export function MarkerGlyph({ glyph, size = 16 }: { glyph: Glyph; size?: number }) {
  return (
    <svg className={`glyph glyph-${glyph.name}`} width={size} height={size} viewBox="0 0 16 16" aria-hidden="true">
      <ShapePath shape={glyph.shape} />
    </svg>
  );
}

function ShapePath({ shape }: { shape: Glyph['shape'] }) {
  switch (shape) {
    case 'triangle':
      return <polygon points="8,1.5 15,14.5 1,14.5" />;
    case 'diamond':
      return <polygon points="8,0.5 15.5,8 8,15.5 0.5,8" />;
    case 'circle':
      return <circle cx="8" cy="8" r="6.5" />;
    case 'ring':
      return <circle cx="8" cy="8" r="5.5" fill="none" stroke="currentColor" strokeWidth="3" />;
    case 'square':
      return <rect x="3" y="3" width="10" height="10" />;
    case 'hexagon':
      return <polygon points="4.5,2 11.5,2 15,8 11.5,14 4.5,14 1,8" />;
    case 'star':
      return <polygon points="8,0.8 10.1,5.6 15.2,5.9 11.3,9.3 12.5,14.4 8,11.7 3.5,14.4 4.7,9.3 0.8,5.9 5.9,5.6" />;
    case 'bars':
      return (
        <>
          <rect x="2.5" y="1.5" width="4" height="13" />
          <rect x="9.5" y="1.5" width="4" height="13" />
        </>
      );
    case 'card':
      return <rect x="1.5" y="3.5" width="13" height="9" rx="2" />;
    default:
      return shape satisfies never;
  }
}
