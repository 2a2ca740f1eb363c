import palette from '../../data/palette.json';
import type { Count } from '../api/types.js';
import { classBreaks, classOf } from '../geo/choropleth.js';
import type { ProjectedMap } from '../geo/project.js';
import { h, keepFocus, replaceChildren, s } from '../ui/dom.js';
import { formatCount } from '../ui/format.js';
import { rovingFocus } from '../ui/roving-focus.js';

export interface MapActions {
  toggleCountry(code: string): void;
}

// Countries outside Africa shown as buttons under the map (France, Russia, the United States…).
const OUTSIDE_SHOWN = 8;

function articles(count: number): string {
  return `${formatCount(count)} article${count === 1 ? '' : 's'}`;
}

function legend(breaks: readonly number[], max: number): HTMLElement {
  const colours = palette.choropleth;
  const items = [h('li', {}, h('span', { class: 'swatch', style: `background:${palette.empty}` }), 'none')];
  if (max === 0) return h('ul', { class: 'legend', 'aria-label': 'Articles per country' }, ...items);
  breaks.forEach((low, i) => {
    const high = i + 1 < breaks.length ? breaks[i + 1]! - 1 : max;
    const colour = colours[Math.round((i * (colours.length - 1)) / Math.max(1, breaks.length - 1))]!;
    items.push(
      h(
        'li',
        {},
        h('span', { class: 'swatch', style: `background:${colour}` }),
        low === high ? formatCount(low) : `${formatCount(low)}–${formatCount(high)}`,
      ),
    );
  });
  return h('ul', { class: 'legend', 'aria-label': 'Articles per country' }, ...items);
}

/**
 * The map panel: African countries shaded by article count. Clicking a country, or pressing
 * Enter on it, adds it to the filter or removes it.
 */
export function createMapPanel(body: HTMLElement, actions: MapActions) {
  // Started at once so that the shapes load while the first queries run.
  const shapes: Promise<ProjectedMap> = import('../geo/africa-shapes.js').then((m) => m.africaMap());
  let generation = 0;

  async function render(countries: readonly Count[], selected: readonly string[]) {
    const own = ++generation;
    const map = await shapes;
    if (own !== generation) return;
    const counts = new Map(countries.map((c) => [c.key, c]));
    const african = new Set(map.shapes.map((shape) => shape.code));
    const max = Math.max(0, ...map.shapes.map((shape) => counts.get(shape.code)?.count ?? 0));
    const breaks = classBreaks(max, palette.choropleth.length);
    const colours = palette.choropleth;
    const svg = s('svg', {
      class: 'africa-map',
      viewBox: map.viewBox,
      role: 'group',
      'aria-label':
        'Map of Africa by number of articles. Use the arrow keys to move between countries and Enter to filter by one.',
    });
    const paths = map.shapes.map((shape) => {
      const count = counts.get(shape.code)?.count ?? 0;
      const cls = classOf(count, breaks);
      const colour =
        cls < 0 ? palette.empty : colours[Math.round((cls * (colours.length - 1)) / Math.max(1, breaks.length - 1))]!;
      const name = counts.get(shape.code)?.label ?? shape.name;
      const isSelected = selected.includes(shape.code);
      const path = s(
        'path',
        {
          d: shape.path,
          fill: colour,
          class: isSelected ? 'country selected' : 'country',
          role: 'button',
          'aria-pressed': String(isSelected),
          'aria-label': `${name}: ${articles(count)}`,
          'data-code': shape.code,
          'data-count': count,
        },
        s('title', {}, `${name}: ${articles(count)}`),
      );
      path.addEventListener('click', () => actions.toggleCountry(shape.code));
      return path;
    });
    // Selected countries last, so that their outline is drawn over their neighbours'.
    svg.append(
      ...paths.filter((p) => !p.classList.contains('selected')),
      ...paths.filter((p) => p.classList.contains('selected')),
    );
    rovingFocus(svg, paths, (index) => actions.toggleCountry(map.shapes[index]!.code));

    const outside = countries.filter((c) => !african.has(c.key)).slice(0, OUTSIDE_SHOWN);
    const outsideList = outside.length
      ? h(
          'div',
          { class: 'outside' },
          h('h3', { class: 'subheading' }, 'Outside Africa'),
          h(
            'ul',
            { class: 'chips' },
            ...outside.map((c) => {
              const button = h(
                'button',
                { type: 'button', class: 'chip', 'aria-pressed': String(selected.includes(c.key)), 'data-code': c.key },
                `${c.label} `,
                h('span', { class: 'chip__count' }, formatCount(c.count)),
              );
              button.addEventListener('click', () => actions.toggleCountry(c.key));
              return h('li', {}, button);
            }),
          ),
        )
      : null;
    keepFocus(body, 'data-code', () => replaceChildren(body, svg, legend(breaks, max), outsideList));
  }

  return { render };
}
