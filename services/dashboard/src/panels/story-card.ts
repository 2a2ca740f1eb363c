import type { Story } from '../api/types.js';
import { h } from '../ui/dom.js';
import { formatCount, formatDay } from '../ui/format.js';
import { snippetParts } from '../ui/snippet.js';

// Tags per kind on a card; the reader lists them all.
const TAGS_SHOWN = 4;

function tags(story: Story): HTMLElement | null {
  const items = [
    ...story.countries
      .slice(0, TAGS_SHOWN)
      .map((c) => h('li', { class: 'tag tag--country', 'data-code': c.code }, c.name)),
    ...story.actors.slice(0, TAGS_SHOWN).map((a) => h('li', { class: 'tag tag--actor' }, a.name)),
    ...[...new Map(story.events.map((e) => [e.type, e.label]))]
      .slice(0, TAGS_SHOWN)
      .map(([type, label]) => h('li', { class: 'tag tag--event', 'data-type': type }, label)),
  ];
  return items.length ? h('ul', { class: 'tags', 'aria-label': 'Tags' }, ...items) : null;
}

/** One story of the list: title (opens the reader), source, date, agencies, tags, link. */
export function storyCard(
  story: Story,
  openArticle: (id: string, trigger: HTMLElement) => void,
  isNew = false,
): HTMLElement {
  const titleId = `story-${story.id}`;
  // The article's own language on its text, so that a screen reader pronounces French as French.
  const lang = story.language ?? undefined;
  const title = h('button', { type: 'button', class: 'story__title', id: titleId, lang }, story.title || '(untitled)');
  title.addEventListener('click', () => openArticle(story.id, title));
  const date = story.publishedAt ?? story.fetchedAt;
  const meta = [
    h('span', { class: 'story__source' }, story.source.name),
    h('time', { datetime: date }, formatDay(date)),
    story.agencies.length ? h('span', { class: 'story__agencies' }, story.agencies.join(', ')) : null,
    story.language ? h('span', { title: 'Language' }, story.language.toUpperCase()) : null,
    story.cluster && story.cluster.size > 1
      ? h('span', {}, `${formatCount(story.cluster.size - 1)} other cop${story.cluster.size === 2 ? 'y' : 'ies'}`)
      : null,
    story.relevance.relevant ? null : h('span', { class: 'story__off-topic' }, 'off topic'),
  ].filter((x): x is HTMLElement => x !== null);
  const snippet = story.snippet
    ? h(
        'p',
        { class: 'story__snippet', lang },
        ...snippetParts(story.snippet).map((part) => (part.marked ? h('mark', {}, part.text) : part.text)),
      )
    : null;
  const link = h(
    'a',
    { class: 'story__link', href: story.url, target: '_blank', rel: 'noopener noreferrer' },
    'Original',
    h('span', { class: 'visually-hidden' }, ` at ${story.source.name} (opens in a new tab)`),
  );
  return h(
    'li',
    { class: isNew ? 'story story--new' : 'story', 'data-id': story.id },
    h(
      'article',
      { 'aria-labelledby': titleId },
      h('h3', { class: 'story__heading' }, isNew ? h('span', { class: 'badge' }, 'New') : null, title),
      h('p', { class: 'story__meta' }, ...meta.flatMap((m, i) => (i === 0 ? [m] : [' · ', m]))),
      snippet,
      tags(story),
      link,
    ),
  );
}
