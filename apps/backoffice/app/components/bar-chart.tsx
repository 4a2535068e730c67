/**
 * A horizontal bar chart drawn on the server as SVG: one bar a row, its label on the left and its
 * figure written at the bar's end, so nothing is told by colour alone. The chart is one image with
 * an accessible name; the page puts the same figures in a table beside it.
 */

export type Bar = { label: string; value: number };

export type BarChartLayout = {
  width: number;
  height: number;
  /** The value the full length of the axis stands for. */
  axisMax: number;
  ticks: Array<{ value: number; x: number; text: string }>;
  bars: Array<{ label: string; value: number; text: string; y: number; length: number }>;
};

const WIDTH = 640;
const LABEL_WIDTH = 220;
const FIGURE_SPACE = 70;
const ROW = 30;
const BAR = 20;
const TOP = 8;
const AXIS = 28;

/**
 * The smallest round number (1, 2 or 5 times a power of ten) at or above the largest value; at
 * least 2 for counts, so the axis never shows fractions of a complaint; `fixedMax` (100 for
 * percentages) wins when given.
 */
export function axisMaximum(values: readonly number[], fixedMax?: number): number {
  if (fixedMax !== undefined) return fixedMax;
  const largest = Math.max(0, ...values);
  if (largest <= 2) return 2;
  const magnitude = 10 ** Math.floor(Math.log10(largest));
  for (const step of [1, 2, 5, 10]) if (largest <= step * magnitude) return step * magnitude;
  return 10 * magnitude;
}

/** Where everything goes: the axis from the data, each bar's length in proportion, the figures formatted for the language. */
export function barChartLayout(bars: readonly Bar[], options: { format: (value: number) => string; fixedMax?: number }): BarChartLayout {
  const axisMax = axisMaximum(bars.map((b) => b.value), options.fixedMax);
  const plot = WIDTH - LABEL_WIDTH - FIGURE_SPACE;
  const ticks = [0, 0.5, 1].map((f) => ({ value: axisMax * f, x: LABEL_WIDTH + plot * f, text: options.format(axisMax * f) }));
  return {
    width: WIDTH,
    height: TOP + bars.length * ROW + AXIS,
    axisMax,
    ticks,
    bars: bars.map((b, i) => ({
      label: b.label,
      value: b.value,
      text: options.format(b.value),
      y: TOP + i * ROW + (ROW - BAR) / 2,
      length: Math.max(0, Math.min(1, b.value / axisMax)) * plot,
    })),
  };
}

export function BarChart({ id, name, bars, format, fixedMax }: { id: string; name: string; bars: readonly Bar[]; format: (value: number) => string; fixedMax?: number }) {
  const layout = barChartLayout(bars, { format, fixedMax });
  const axisY = layout.height - AXIS;
  return (
    <svg
      className="report-chart"
      role="img"
      aria-labelledby={`${id}-title`}
      viewBox={`0 0 ${layout.width} ${layout.height}`}
      width="100%"
      style={{ maxWidth: `${layout.width}px` }}
      focusable="false"
    >
      <title id={`${id}-title`}>{name}</title>
      {layout.ticks.map((tick) => (
        <g key={tick.value}>
          <line x1={tick.x} x2={tick.x} y1={TOP} y2={axisY} stroke="#b1b4b6" strokeWidth={1} />
          <text x={tick.x} y={axisY + 18} textAnchor="middle" fontSize={14} fill="#0b0c0c">
            {tick.text}
          </text>
        </g>
      ))}
      {layout.bars.map((bar) => (
        <g key={bar.label}>
          <text x={LABEL_WIDTH - 8} y={bar.y + BAR / 2 + 5} textAnchor="end" fontSize={14} fill="#0b0c0c">
            {bar.label}
          </text>
          <rect x={LABEL_WIDTH} y={bar.y} width={bar.length} height={BAR} fill="#1d70b8" />
          <text x={LABEL_WIDTH + bar.length + 6} y={bar.y + BAR / 2 + 5} fontSize={14} fill="#0b0c0c">
            {bar.text}
          </text>
        </g>
      ))}
      <line x1={LABEL_WIDTH} x2={LABEL_WIDTH} y1={TOP} y2={axisY} stroke="#0b0c0c" strokeWidth={1} />
    </svg>
  );
}
