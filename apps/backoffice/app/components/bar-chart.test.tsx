import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { axisMaximum, BarChart, barChartLayout } from './bar-chart';

const count = (value: number) => new Intl.NumberFormat('en-GB').format(value);

describe('the bar chart', () => {
  it('takes the axis to the next round number at or above the largest figure', () => {
    expect(axisMaximum([0, 0])).toBe(2);
    expect(axisMaximum([1])).toBe(2);
    expect(axisMaximum([3])).toBe(5);
    expect(axisMaximum([7, 2])).toBe(10);
    expect(axisMaximum([10])).toBe(10);
    expect(axisMaximum([11])).toBe(20);
    expect(axisMaximum([42])).toBe(50);
    expect(axisMaximum([1_234])).toBe(2_000);
    expect(axisMaximum([12], 100)).toBe(100);
  });

  it('draws each bar in proportion to its figure, the longest to the axis maximum', () => {
    const layout = barChartLayout(
      [
        { label: 'Received', value: 40 },
        { label: 'Answered', value: 10 },
        { label: 'Closed', value: 0 },
      ],
      { format: count },
    );
    expect(layout.axisMax).toBe(50);
    const [received, answered, closed] = layout.bars;
    expect(received!.length / answered!.length).toBeCloseTo(4);
    expect(received!.length).toBeCloseTo(350 * 0.8);
    expect(closed!.length).toBe(0);
    expect(layout.bars.map((b) => b.y)).toEqual([13, 43, 73]);
    expect(layout.ticks.map((t) => t.text)).toEqual(['0', '25', '50']);
  });

  it('keeps a figure above a fixed maximum inside the chart', () => {
    const layout = barChartLayout([{ label: 'On time', value: 120 }], { format: count, fixedMax: 100 });
    expect(layout.bars[0]!.length).toBe(350);
  });

  it('is one named image, with every label and figure written, formatted as asked', () => {
    const html = renderToStaticMarkup(
      <BarChart id="received" name="Complaints received: 1,200" bars={[{ label: 'By email', value: 1200 }, { label: 'By post', value: 3 }]} format={count} />,
    );
    expect(html).toMatch(/^<svg[^>]*role="img"[^>]*aria-labelledby="received-title"/);
    expect(html).toContain('<title id="received-title">Complaints received: 1,200</title>');
    expect(html).toContain('>By email</text>');
    expect(html).toContain('>1,200</text>');
    expect(html).toContain('>By post</text>');
    expect(html).toContain('>3</text>');
    expect(html).toContain('>2,000</text>');
  });
});
