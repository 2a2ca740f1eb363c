import palette from '../../data/palette.json';
import type { Interval, TimelineResult } from '../api/types.js';
import { niceTicks, type Stack, stackTimeline } from '../charts/stack.js';
import { h, replaceChildren, s } from '../ui/dom.js';
import { bucketDays, formatBucket, formatCount } from '../ui/format.js';
import { emptyNote } from '../ui/panel-status.js';
import { rovingFocus } from '../ui/roving-focus.js';

export interface TimelineActions {
  /** Narrows the date range to one bucket. */
  zoom(from: string, to: string): void;
  setInterval(interval: Interval): void;
}

const HEIGHT = 220;
const MARGIN = { top: 10, right: 8, bottom: 26, left: 44 };
// Axis labels need about this many pixels each not to collide.
const LABEL_SPACING = 90;

function describe(stack: Stack, interval: Interval): string {
  const parts = stack.segments.map((segment) => `${segment.series.label} ${formatCount(segment.count)}`);
  const articles = `${formatCount(stack.bucket.count)} article${stack.bucket.count === 1 ? '' : 's'}`;
  return `${formatBucket(stack.bucket.start, interval)}: ${articles}${parts.length ? `; ${parts.join(', ')}` : ''}`;
}

function chart(data: TimelineResult['timeline'], width: number, actions: TimelineActions): SVGSVGElement {
  const { series, stacks, max } = stackTimeline(data.buckets, palette);
  const ticks = niceTicks(max);
  const top = ticks.at(-1)!;
  const plotWidth = Math.max(50, width - MARGIN.left - MARGIN.right);
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const band = plotWidth / stacks.length;
  const gap = band > 6 ? Math.min(4, band * 0.15) : 0;
  const y = (value: number) => MARGIN.top + plotHeight - (value / top) * plotHeight;
  const svg = s('svg', {
    class: 'timeline-chart',
    width,
    height: HEIGHT,
    viewBox: `0 0 ${width} ${HEIGHT}`,
    role: 'group',
    'aria-label': `Articles per ${data.interval.toLowerCase()}, stacked by event type. Use the arrow keys to move between periods and Enter to zoom into one.`,
  });
  const axis = s('g', { class: 'axis', 'aria-hidden': 'true' });
  for (const tick of ticks) {
    axis.append(
      s('line', { x1: MARGIN.left, x2: MARGIN.left + plotWidth, y1: y(tick), y2: y(tick), class: 'gridline' }),
      s('text', { x: MARGIN.left - 6, y: y(tick), dy: '0.32em', 'text-anchor': 'end' }, formatCount(tick)),
    );
  }
  const every = Math.max(1, Math.ceil(LABEL_SPACING / band));
  stacks.forEach((stack, i) => {
    if (i % every !== 0) return;
    const short = formatBucket(stack.bucket.start, data.interval).replace('week of ', '');
    axis.append(s('text', { x: MARGIN.left + i * band + band / 2, y: HEIGHT - 8, 'text-anchor': 'middle' }, short));
  });
  svg.append(axis);
  const zoom = (index: number) => {
    const bucket = stacks[index]!.bucket;
    const { from, to } = bucketDays(bucket.start, data.interval);
    actions.zoom(from, to);
  };
  const groups = stacks.map((stack, i) => {
    const x = MARGIN.left + i * band + gap / 2;
    const label = describe(stack, data.interval);
    const group = s('g', { class: 'bucket', role: 'button', 'aria-label': label }, s('title', {}, label));
    // A full-height hit area: thin and empty buckets stay easy to point at.
    group.append(s('rect', { class: 'hit', x: x - gap / 2, y: MARGIN.top, width: band, height: plotHeight }));
    for (const segment of stack.segments)
      group.append(
        s('rect', {
          x,
          width: Math.max(0.5, band - gap),
          y: y(segment.y1),
          height: Math.max(0, y(segment.y0) - y(segment.y1)),
          fill: segment.series.color,
        }),
      );
    if (stack.top > stack.bucket.count && stack.bucket.count > 0)
      group.append(
        s('line', {
          class: 'count-mark',
          x1: x,
          x2: x + band - gap,
          y1: y(stack.bucket.count),
          y2: y(stack.bucket.count),
        }),
      );
    group.addEventListener('click', () => zoom(i));
    return group;
  });
  svg.append(...groups);
  rovingFocus(svg, groups, zoom);
  svg.dataset['series'] = series.map((x) => x.key).join(',');
  return svg;
}

function legend(data: TimelineResult['timeline']): HTMLElement {
  const { series, stacks } = stackTimeline(data.buckets, palette);
  const items = series.map((x) =>
    h('li', {}, h('span', { class: 'swatch', style: `background:${x.color}`, 'aria-hidden': 'true' }), x.label),
  );
  if (stacks.some((stack) => stack.top > stack.bucket.count))
    items.push(
      h(
        'li',
        {},
        h('span', { class: 'swatch swatch--mark', 'aria-hidden': 'true' }),
        'Articles (when some report several events)',
      ),
    );
  return h('ul', { class: 'legend', 'aria-label': 'Legend' }, ...items);
}

/** The same numbers as a table, for screen readers and for copying. */
function table(data: TimelineResult['timeline']): HTMLElement {
  const rows = data.buckets.map((bucket) =>
    h(
      'tr',
      {},
      h('th', { scope: 'row' }, formatBucket(bucket.start, data.interval)),
      h('td', {}, formatCount(bucket.count)),
      h('td', {}, bucket.byEventType.map((t) => `${t.label} ${t.count}`).join(', ')),
    ),
  );
  return h(
    'details',
    { class: 'data-table' },
    h('summary', {}, 'Show the numbers'),
    h(
      'table',
      {},
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', { scope: 'col' }, 'Period'),
          h('th', { scope: 'col' }, 'Articles'),
          h('th', { scope: 'col' }, 'Event types'),
        ),
      ),
      h('tbody', {}, ...rows),
    ),
  );
}

/** The timeline panel: stacked bars per period, a legend and the data as a table. */
export function createTimelinePanel(body: HTMLElement, intervalGroup: HTMLElement, actions: TimelineActions) {
  let last: TimelineResult['timeline'] | null = null;
  const draw = () => {
    if (!last) return;
    if (last.buckets.length === 0) {
      replaceChildren(body, emptyNote('No dated articles match the filters.'));
      return;
    }
    replaceChildren(body, chart(last, Math.max(280, body.clientWidth), actions), legend(last), table(last));
  };
  for (const button of intervalGroup.querySelectorAll<HTMLButtonElement>('button[data-interval]'))
    button.addEventListener('click', () => actions.setInterval(button.dataset['interval'] as Interval));
  // Redraw at the new width; the chart is drawn in pixels so that its text is never stretched.
  let frame = 0;
  let width = body.clientWidth;
  new ResizeObserver(() => {
    if (body.clientWidth === width) return;
    width = body.clientWidth;
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(draw);
  }).observe(body);
  return {
    render(data: TimelineResult['timeline']) {
      last = data;
      draw();
    },
    setInterval(interval: Interval) {
      for (const button of intervalGroup.querySelectorAll<HTMLButtonElement>('button[data-interval]'))
        button.setAttribute('aria-pressed', String(button.dataset['interval'] === interval));
    },
  };
}
