import type { Count } from '../api/types.js';
import { h, keepFocus, replaceChildren } from '../ui/dom.js';
import { formatCount } from '../ui/format.js';
import { emptyNote } from '../ui/panel-status.js';

/** Bars shown per list: the top of the facet, which the API sorts by count. */
const SHOWN = 10;

/**
 * A horizontal bar chart made of buttons (top actors, event types): each bar toggles its value
 * in the filter, and `aria-pressed` says whether it is in. Selected values stay listed even
 * when they fall out of the top, so that they can be removed where they were added.
 */
export function createBarListPanel(body: HTMLElement, what: string, onToggle: (key: string) => void) {
  return {
    render(counts: readonly Count[], selected: readonly string[], labelOf: (key: string) => string = (k) => k) {
      const top = counts.slice(0, SHOWN);
      for (const key of selected)
        if (!top.some((c) => c.key === key))
          top.push(counts.find((c) => c.key === key) ?? { key, label: labelOf(key), count: 0 });
      if (top.length === 0) {
        replaceChildren(body, emptyNote(`No ${what} in the matching articles.`));
        return;
      }
      const max = Math.max(1, ...top.map((c) => c.count));
      const items = top.map((c) => {
        const pressed = selected.includes(c.key);
        const fill = h('span', { class: 'bar__fill', 'aria-hidden': 'true' });
        fill.style.width = `${(100 * c.count) / max}%`;
        const button = h(
          'button',
          { type: 'button', class: 'bar', 'aria-pressed': String(pressed), 'data-key': c.key },
          fill,
          h('span', { class: 'bar__label' }, c.label),
          h('span', { class: 'bar__value' }, formatCount(c.count)),
        );
        button.addEventListener('click', () => onToggle(c.key));
        return h('li', {}, button);
      });
      keepFocus(body, 'data-key', () => replaceChildren(body, h('ol', { class: 'bars' }, ...items)));
    },
  };
}
