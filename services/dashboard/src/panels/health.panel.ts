import type { OverviewResult, SourceStatus } from '../api/types.js';
import { h, replaceChildren } from '../ui/dom.js';
import { formatCount, formatDateTime, formatRelative } from '../ui/format.js';
import { emptyNote } from '../ui/panel-status.js';

// A source that failed this many times in a row since its last success is shown as failing.
const FAILING_AFTER = 3;

type Status = 'ok' | 'warn' | 'fail' | 'off' | 'new';

function statusOf(source: SourceStatus): Status {
  if (!source.enabled) return 'off';
  if (source.health.consecutiveFailures >= FAILING_AFTER) return 'fail';
  if (source.health.consecutiveFailures > 0) return 'warn';
  return source.health.lastSuccessAt ? 'ok' : 'new';
}

// Words as well as colours: the status must not depend on seeing colour.
const STATUS_TEXT: Record<Status, string> = {
  ok: 'OK',
  warn: 'Failing',
  fail: 'Down',
  off: 'Disabled',
  new: 'Not read yet',
};

function time(iso: string | null, now: number): HTMLElement | string {
  return iso ? h('time', { datetime: iso, title: formatDateTime(iso) }, formatRelative(iso, now)) : '—';
}

function sourceRow(source: SourceStatus, now: number, toggleSource: (id: string) => void): HTMLElement {
  const status = statusOf(source);
  const name = h('button', { type: 'button', class: 'link-button', title: `Show only ${source.name}` }, source.name);
  name.addEventListener('click', () => toggleSource(source.id));
  const failures = source.health.consecutiveFailures;
  return h(
    'tr',
    { 'data-source': source.id },
    h('th', { scope: 'row' }, name),
    h(
      'td',
      {},
      h(
        'span',
        {
          class: `status status--${status}`,
          title: source.health.nextPollAt ? `Next poll ${formatRelative(source.health.nextPollAt, now)}` : null,
        },
        STATUS_TEXT[status],
      ),
    ),
    h('td', { class: 'num' }, formatCount(source.articleCount)),
    h('td', {}, time(source.health.lastSuccessAt, now)),
    h(
      'td',
      { class: 'num', title: source.health.lastErrorCode ?? '' },
      failures ? `${failures}${source.health.lastErrorCode ? ` (${source.health.lastErrorCode})` : ''}` : '0',
    ),
  );
}

function headRow(...names: string[]): HTMLElement {
  return h('thead', {}, h('tr', {}, ...names.map((n) => h('th', { scope: 'col' }, n))));
}

/** Source health (last success, failures, next poll) and the ingestion queues' job counts. */
export function createHealthPanel(body: HTMLElement, toggleSource: (id: string) => void) {
  return {
    render(data: OverviewResult, now: number) {
      const sources = data.sources.length
        ? h(
            'div',
            { class: 'table-scroll' },
            h(
              'table',
              { class: 'health-table' },
              h('caption', { class: 'visually-hidden' }, 'Sources'),
              headRow('Source', 'Status', 'Articles', 'Last OK', 'Failures'),
              h('tbody', {}, ...data.sources.map((source) => sourceRow(source, now, toggleSource))),
            ),
          )
        : emptyNote('No sources are configured.');
      const queues = h(
        'div',
        { class: 'table-scroll' },
        h(
          'table',
          { class: 'queue-table' },
          h('caption', {}, 'Ingestion queues'),
          headRow('Queue', 'Waiting', 'Active', 'Delayed', 'Failed', 'Done'),
          h(
            'tbody',
            {},
            ...data.ingestion.queues.map((q) =>
              h(
                'tr',
                { 'data-queue': q.name },
                h('th', { scope: 'row' }, q.name),
                ...[q.waiting, q.active, q.delayed, q.failed, q.completed].map((n) =>
                  h('td', { class: 'num' }, formatCount(n)),
                ),
              ),
            ),
          ),
        ),
      );
      replaceChildren(body, sources, queues);
    },
  };
}
