"use client";

import { scaleLinear } from "@visx/scale";

interface Bar {
  label: string;
  rate: number;
  low: number;
  high: number;
}

const ROW = 26;
const LEFT = 170;
const WIDTH = 560;

/** Engagement rates as bars with their intervals as whiskers; the table beside it carries the same numbers for screen readers. */
export default function RateBars({ bars }: { bars: Bar[] }) {
  const max = Math.max(0.0001, ...bars.map((bar) => bar.high));
  const x = scaleLinear<number>({ domain: [0, max], range: [0, WIDTH - LEFT - 10] });
  return (
    <svg viewBox={`0 0 ${WIDTH} ${bars.length * ROW + 4}`} className="insights-bars" aria-hidden="true" focusable="false">
      {bars.map((bar, index) => {
        const y = index * ROW + 4;
        return (
          <g key={bar.label}>
            <text x={0} y={y + 14} fontSize={12} fill="#191b33">
              {bar.label.length > 26 ? `${bar.label.slice(0, 25)}…` : bar.label}
            </text>
            <rect x={LEFT} y={y + 3} width={Math.max(1, x(bar.rate))} height={14} fill="#4f3fd1" rx={2} />
            <line x1={LEFT + x(bar.low)} x2={LEFT + x(bar.high)} y1={y + 10} y2={y + 10} stroke="#191b33" strokeWidth={1.5} />
            <line x1={LEFT + x(bar.low)} x2={LEFT + x(bar.low)} y1={y + 5} y2={y + 15} stroke="#191b33" strokeWidth={1.5} />
            <line x1={LEFT + x(bar.high)} x2={LEFT + x(bar.high)} y1={y + 5} y2={y + 15} stroke="#191b33" strokeWidth={1.5} />
          </g>
        );
      })}
    </svg>
  );
}
