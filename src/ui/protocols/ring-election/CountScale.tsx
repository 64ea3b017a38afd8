import { countWords } from './ringPicture';

interface Props {
  readonly count: number;
  readonly elected: number;
  readonly n: number;
  readonly best: number;
  readonly average: number;
  readonly worst: number;
}

const WIDTH = 320;
const PAD = 12;

/**
 * The Election messages sent so far on one scale with Chang and Roberts' three figures for n processes all
 * starting at once: best 2n - 1, average n H_n (O(n log n)), worst n(n + 1)/2 (O(n²)). Elected is counted apart.
 */
export function CountScale({ count, elected, n, best, average, worst }: Props) {
  const top = Math.max(worst, count, 1);
  const x = (v: number) => PAD + ((WIDTH - 2 * PAD) * Math.min(v, top)) / top;
  const marks = [
    { label: 'best', value: best, y: 52 },
    { label: 'average', value: average, y: 10 },
    { label: 'worst', value: worst, y: 52 },
  ];
  return (
    <figure className="ring-count">
      <figcaption>
        <strong>Election messages: {count}</strong> ({countWords(count, best, average, worst)}) Elected: {elected}, not
        counted by the formulas.
      </figcaption>
      <svg viewBox={`0 0 ${WIDTH} 58`} className="ring-scale" role="img" aria-labelledby="ring-scale-title">
        <title id="ring-scale-title">
          {`${count} Election messages against best ${best}, average ${average} and worst ${worst} for n = ${n}`}
        </title>
        <line x1={PAD} x2={WIDTH - PAD} y1={30} y2={30} className="ring-scale-axis" />
        <rect x={PAD} y={25} width={Math.max(0, x(count) - PAD)} height={10} className="ring-scale-bar" />
        {marks.map((m) => (
          <g key={m.label}>
            <line x1={x(m.value)} x2={x(m.value)} y1={18} y2={40} className="ring-scale-mark" />
            <text
              x={x(m.value)}
              y={m.y}
              textAnchor={m.label === 'worst' ? 'end' : 'middle'}
              className="ring-scale-text"
            >
              {m.label} {m.value}
            </text>
          </g>
        ))}
      </svg>
      <p className="ring-formulas">
        n = {n}: best 2n − 1 = {best} (uids ascending) · average n·Hₙ = {average} · worst n(n + 1)/2 = {worst} (uids
        descending), all starting at once.
      </p>
    </figure>
  );
}
