/**
 * One tab stop for a group of items (map countries, timeline buckets): Tab enters the group at
 * the current item, arrow keys, Home and End move, Enter and Space activate. This is the
 * WAI-ARIA "roving tabindex" pattern, so a keyboard user does not tab through 50 countries.
 */
export function rovingFocus(
  container: Element,
  items: readonly HTMLElement[] | readonly SVGElement[],
  activate: (index: number) => void,
): void {
  if (items.length === 0) return;
  let current = 0;
  items.forEach((item, index) => {
    item.setAttribute('tabindex', index === 0 ? '0' : '-1');
    // Focus can also arrive by a click or by keepFocus: the tab stop follows it.
    item.addEventListener('focus', () => {
      items[current]?.setAttribute('tabindex', '-1');
      item.setAttribute('tabindex', '0');
      current = index;
    });
  });
  const move = (index: number) => {
    const next = (index + items.length) % items.length;
    items[current]?.setAttribute('tabindex', '-1');
    items[next]?.setAttribute('tabindex', '0');
    items[next]?.focus();
    current = next;
  };
  container.addEventListener('keydown', (event) => {
    const key = (event as KeyboardEvent).key;
    if (key === 'ArrowRight' || key === 'ArrowDown') move(current + 1);
    else if (key === 'ArrowLeft' || key === 'ArrowUp') move(current - 1);
    else if (key === 'Home') move(0);
    else if (key === 'End') move(items.length - 1);
    else if (key === 'Enter' || key === ' ') activate(current);
    else return;
    event.preventDefault();
  });
}
