"use client";

import { Group } from "@visx/group";
import { HeatmapRect } from "@visx/heatmap";
import { scaleLinear } from "@visx/scale";
import { clock, WEEKDAYS, type SlotInsight } from "./format";

const CELL = 18;
const LEFT = 36;
const TOP = 18;

/** A weekday × hour heatmap of one platform's engagement rate; the table beside it carries the same numbers for screen readers. */
export default function Heatmap({ slots, best }: { slots: SlotInsight[]; best: SlotInsight[] }) {
  const max = Math.max(0.0001, ...slots.map((slot) => slot.engagement_rate));
  const color = scaleLinear<string>({ domain: [0, max], range: ["#eeebff", "#3a2cb0"] });
  const claimed = new Set(best.map((slot) => `${slot.weekday} ${slot.hour}`));
  const columns = Array.from({ length: 24 }, (_, hour) => ({
    hour,
    bins: WEEKDAYS.map((_, index) => slots.find((slot) => slot.weekday === index + 1 && slot.hour === hour)),
  }));
  return (
    <svg viewBox={`0 0 ${LEFT + 24 * CELL} ${TOP + 7 * CELL}`} className="insights-heatmap" aria-hidden="true" focusable="false">
      {WEEKDAYS.map((day, index) => (
        <text key={day} x={0} y={TOP + index * CELL + 13} fontSize={11} fill="#191b33">
          {day}
        </text>
      ))}
      {[0, 6, 12, 18].map((hour) => (
        <text key={hour} x={LEFT + hour * CELL} y={11} fontSize={11} fill="#191b33">
          {clock(hour)}
        </text>
      ))}
      <Group left={LEFT} top={TOP}>
        <HeatmapRect
          data={columns}
          bins={(column) => column.bins}
          count={(bin) => bin?.engagement_rate ?? 0}
          xScale={(index) => index * CELL}
          yScale={(index) => index * CELL}
          colorScale={(value) => (value ? color(value) : "#f7f5f0")}
          binWidth={CELL}
          binHeight={CELL}
          gap={2}
        >
          {(heatmap) =>
            heatmap
              .flat()
              .map((cell) => (
                <rect
                  key={`${cell.row}-${cell.column}`}
                  x={cell.x}
                  y={cell.y}
                  width={cell.width}
                  height={cell.height}
                  fill={cell.color}
                  stroke={claimed.has(`${cell.row + 1} ${cell.column}`) ? "#a8321f" : "none"}
                  strokeWidth={2}
                />
              ))
          }
        </HeatmapRect>
      </Group>
    </svg>
  );
}
