import { h, replaceChildren } from './dom.js';

/**
 * Loading, error and empty states of a panel. `aria-busy` tells assistive technology to wait for
 * the new content instead of reading the old one as it is replaced.
 */
export function setBusy(panel: HTMLElement, busy: boolean): void {
  panel.setAttribute('aria-busy', String(busy));
}

/** Replaces a panel's body with an error and a retry button. */
export function showError(body: HTMLElement, error: unknown, retry: () => void): void {
  const message = error instanceof Error ? error.message : String(error);
  const button = h('button', { type: 'button', class: 'button' }, 'Retry');
  button.addEventListener('click', retry);
  replaceChildren(
    body,
    h('div', { class: 'panel-error', role: 'alert' }, h('p', {}, `Could not load: ${message}`), button),
  );
}

/** A short line for a panel with nothing to show. */
export function emptyNote(text: string): HTMLElement {
  return h('p', { class: 'empty' }, text);
}

/** True for the rejection of a request that a newer one replaced: not an error to show. */
export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}
