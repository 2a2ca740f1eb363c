// The reader view, loaded on the first story opened: the first paint never pays for it.
import { request } from '../api/graphql-client.js';
import { READER } from '../api/queries.js';
import type { ReaderArticle, ReaderResult } from '../api/types.js';
import { type Child, h, replaceChildren } from '../ui/dom.js';
import { formatCount, formatDateTime } from '../ui/format.js';
import { markEvidence } from './evidence.js';

let controller: AbortController | null = null;

function section(title: string, ...children: Child[]): HTMLElement {
  return h('section', { class: 'reader__section' }, h('h3', {}, title), ...children);
}

function list(items: string[]): HTMLElement {
  return h('ul', {}, ...items.map((item) => h('li', {}, item)));
}

function details(article: ReaderArticle): HTMLElement {
  const parts: Child[] = [];
  if (article.events.length)
    parts.push(
      section(
        'Events',
        h(
          'ul',
          { class: 'reader__events' },
          ...article.events.map((e) => h('li', {}, h('strong', {}, e.label), h('blockquote', {}, e.evidence))),
        ),
      ),
    );
  if (article.countries.length)
    parts.push(section('Countries', list(article.countries.map((c) => `${c.name} (${c.mentions})`))));
  if (article.actors.length)
    parts.push(section('Actors', list(article.actors.map((a) => `${a.name} (${a.mentions})`))));
  // The reasons are long and technical: there for the analyst who doubts the score.
  const score = `${Math.round(article.relevance.score * 100)}%`;
  parts.push(
    section(
      'Relevance',
      h('p', {}, `${article.relevance.relevant ? 'On topic' : 'Off topic'}, score ${score}`),
      article.relevance.reasons.length
        ? h('details', {}, h('summary', {}, 'Why'), list(article.relevance.reasons))
        : null,
    ),
  );
  return h('aside', { class: 'reader__aside', 'aria-label': 'How the article was tagged' }, ...parts);
}

function bodyText(article: ReaderArticle): HTMLElement {
  const { paragraphs } = markEvidence(article.body, article.events);
  return h(
    'div',
    { class: 'reader__body', lang: article.language ?? undefined },
    ...paragraphs.map((segments) =>
      h(
        'p',
        {},
        ...segments.map((segment) =>
          segment.labels.length
            ? h(
                'mark',
                { title: `Evidence: ${segment.labels.join(', ')}` },
                segment.text,
                h('span', { class: 'visually-hidden' }, ` (evidence: ${segment.labels.join(', ')})`),
              )
            : segment.text,
        ),
      ),
    ),
  );
}

function copies(article: ReaderArticle, open: (id: string) => void): HTMLElement | null {
  const others = article.cluster?.articles.filter((a) => a.id !== article.id) ?? [];
  if (others.length === 0) return null;
  return section(
    'The same story elsewhere',
    h(
      'ul',
      {},
      ...others.map((other) => {
        const button = h('button', { type: 'button', class: 'link-button' }, `${other.source.name}: ${other.title}`);
        button.addEventListener('click', () => open(other.id));
        return h('li', {}, button);
      }),
    ),
  );
}

function view(dialog: HTMLDialogElement, article: ReaderArticle, open: (id: string) => void): HTMLElement {
  const date = article.publishedAt ? formatDateTime(article.publishedAt) : 'undated';
  const meta = [
    article.source.name,
    date,
    article.byline,
    article.agencies.join(', '),
    `${formatCount(article.wordCount)} words`,
  ]
    .filter((x): x is string => Boolean(x))
    .join(' · ');
  return h(
    'div',
    { class: 'reader__content' },
    h(
      'header',
      { class: 'reader__header' },
      h('h2', { id: 'reader-title', lang: article.language ?? undefined }, article.title),
      h('p', { class: 'reader__meta' }, meta),
      h(
        'p',
        {},
        h(
          'a',
          { href: article.url, target: '_blank', rel: 'noopener noreferrer' },
          'Read the original',
          h('span', { class: 'visually-hidden' }, ' (opens in a new tab)'),
        ),
      ),
      article.events.length
        ? h(
            'p',
            { class: 'reader__hint' },
            h('mark', {}, 'Highlighted'),
            ' sentences are the evidence for the event tags.',
          )
        : null,
    ),
    h('div', { class: 'reader__columns' }, bodyText(article), h('div', {}, details(article), copies(article, open))),
    closeButton(dialog),
  );
}

function closeButton(dialog: HTMLDialogElement): HTMLElement {
  const button = h('button', { type: 'button', class: 'reader__close', 'aria-label': 'Close the reader' }, '×');
  button.addEventListener('click', () => dialog.close());
  return button;
}

/** Opens `id` in the reader dialog; focus returns to `trigger` when it closes. */
export async function openReader(dialog: HTMLDialogElement, id: string, trigger: HTMLElement | null): Promise<void> {
  controller?.abort();
  const own = new AbortController();
  controller = own;
  const open = (other: string) => void openReader(dialog, other, trigger);
  replaceChildren(
    dialog,
    h('p', { class: 'reader__loading', id: 'reader-title' }, 'Loading the article…'),
    closeButton(dialog),
  );
  if (!dialog.open) {
    dialog.showModal();
    dialog.addEventListener('close', () => trigger?.focus(), { once: true });
  }
  try {
    const { article } = await request<ReaderResult>(READER, { id }, own.signal);
    if (own.signal.aborted) return;
    replaceChildren(
      dialog,
      article ? view(dialog, article, open) : h('p', { id: 'reader-title' }, 'This article no longer exists.'),
      article ? null : closeButton(dialog),
    );
    dialog.scrollTop = 0;
    dialog.querySelector<HTMLElement>('.reader__close')?.focus();
  } catch (error) {
    if (own.signal.aborted) return;
    replaceChildren(
      dialog,
      h('p', { id: 'reader-title', role: 'alert' }, `Could not load the article: ${(error as Error).message}`),
      closeButton(dialog),
    );
  }
}
