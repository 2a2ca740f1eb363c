// The labelled topic development set, read from the shared folder (never copied into the
// repository: its texts are copyrighted news kept for evaluation).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The topic data folder; SHARED_DIR overrides the shared folder's location, as in the tests. */
export const TOPIC_DIR = join(resolve(process.env['SHARED_DIR'] ?? join(ROOT, '..', 'shared')), 'data', 'topic');

/** One labelled item (the fields the benchmark uses). */
export interface TopicItem {
  id: string;
  lang: 'en' | 'fr';
  title: string;
  text: string;
  textKind: string;
  relevant: boolean;
  grade: number;
  countries: string[];
  tagsAnnotated: boolean;
  note: string;
}

export const topicAvailable = (): boolean => existsSync(join(TOPIC_DIR, 'dev.jsonl'));

const str = (v: unknown, field: string, line: number): string => {
  if (typeof v !== 'string') throw new Error(`dev.jsonl line ${line}: ${field} is not a string`);
  return v;
};

/** Every item of dev.jsonl, in file order. */
export function loadDev(): TopicItem[] {
  const lines = readFileSync(join(TOPIC_DIR, 'dev.jsonl'), 'utf8').split('\n');
  const items: TopicItem[] = [];
  lines.forEach((line, i) => {
    if (!line.trim()) return;
    const raw = JSON.parse(line) as Record<string, unknown>;
    const lang = str(raw['lang'], 'lang', i + 1);
    if (lang !== 'en' && lang !== 'fr') throw new Error(`dev.jsonl line ${i + 1}: unknown lang ${lang}`);
    items.push({
      id: str(raw['id'], 'id', i + 1),
      lang,
      title: str(raw['title'], 'title', i + 1),
      text: str(raw['text'], 'text', i + 1),
      textKind: str(raw['text_kind'], 'text_kind', i + 1),
      relevant: raw['label_relevant'] === true,
      grade: typeof raw['relevance_grade'] === 'number' ? raw['relevance_grade'] : 0,
      countries: Array.isArray(raw['countries'])
        ? raw['countries'].filter((c): c is string => typeof c === 'string')
        : [],
      tagsAnnotated: raw['tags_annotated'] === true,
      note: typeof raw['note'] === 'string' ? raw['note'] : '',
    });
  });
  return items;
}
