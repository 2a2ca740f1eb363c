import type { Element } from 'domhandler';
import { isTag } from 'domhandler';
import { hints, removeNode } from './dom.js';

/** Never article text. */
const DROP_TAGS = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'object',
  'embed',
  'svg',
  'canvas',
  'video',
  'audio',
  'form',
  'button',
  'input',
  'select',
  'textarea',
  'nav',
  'aside',
  'footer',
  'figcaption',
  'dialog',
  'menu',
  'link',
  'meta',
]);

/**
 * Class/id words of what readers skip: navigation, breadcrumbs, share bars, related and
 * "more news" lists, comments, newsletter boxes, captions and credits, ads, cookie banners.
 */
const NEGATIVE =
  /(^|[\s_-])(nav|navbar|navigation|menu|breadcrumbs?|crumbs?|share|sharing|social|sociallinks|related|more-?news|recommend\w*|read-?more|also-?read|comments?|disqus|replies|newsletter|subscribe|subscription|signup|promo\w*|advert\w*|ads?|ad-?slot|adunit|sponsor\w*|banner|cookie\w*|gdpr|consent|popup|modal|sidebar|widget|footer|masthead|site-?header|topbar|toolbar|caption|credit|wp-caption-text|tags?|tag-?list|keywords|pagination|pager|print|rating|author-?bio|bio|outbrain|taboola|trending|most-?read|popular|jump|skip)($|[\s_-])/;
const POSITIVE =
  /(^|[\s_-])(article|article-?body|articlebody|story|story-?body|entry|entry-?content|post|post-?content|content|main|body|text|hentry|news-?body)($|[\s_-])/;

/** Whether an element looks like boilerplate from its tag, class, id, role and attributes. */
export function isBoilerplate(el: Element): boolean {
  if (DROP_TAGS.has(el.name)) return true;
  const role = el.attribs['role']?.toLowerCase();
  if (role && /^(navigation|banner|complementary|contentinfo|menu|menubar|search|dialog|alert)$/.test(role))
    return true;
  if (el.attribs['hidden'] !== undefined || el.attribs['aria-hidden'] === 'true') return true;
  if (/display\s*:\s*none|visibility\s*:\s*hidden/i.test(el.attribs['style'] ?? '')) return true;
  if (el.name === 'body' || el.name === 'html' || el.name === 'article' || el.name === 'main') return false;
  const h = hints(el);
  if (h.trim() === '') return false;
  if (!NEGATIVE.test(h)) return false;
  // "article-footer" is boilerplate; "article-body" is not. A positive word wins unless the
  // negative word is a strong one that is never the article itself.
  if (
    POSITIVE.test(h) &&
    !/(share|social|related|comment|newsletter|breadcrumb|caption|credit|promo|advert|cookie|footer|tags?)\b/.test(h)
  ) {
    return false;
  }
  return true;
}

/** Removes boilerplate subtrees in place. */
export function stripBoilerplate(root: Element): void {
  const walk = (el: Element) => {
    for (const child of [...el.children]) {
      if (child.type === 'comment' || child.type === 'directive') {
        removeNode(child);
        continue;
      }
      if (!isTag(child)) continue;
      if (isBoilerplate(child)) removeNode(child);
      else walk(child);
    }
  };
  walk(root);
}

export { NEGATIVE, POSITIVE };
