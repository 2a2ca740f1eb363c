// The keyword alert the issue compares against: relevant when the text has a France word AND
// a military word AND an African place, anywhere. Deliberately naive, as an alert rule is.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const fold = (s: string): string =>
  s
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
const words = (list: readonly string[]): RegExp =>
  new RegExp(
    `(?:^|[^\\p{L}])(?:${list.map((w) => fold(w).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})(?=$|[^\\p{L}])`,
    'u',
  );

// French operation names are France words too: an alert for this topic would list them.
const FRANCE = words([
  'france',
  'french',
  'francais',
  'francaise',
  'francaises',
  'paris',
  'macron',
  'barkhane',
  'serval',
  'sangaris',
  'takuba',
]);
const MILITARY = words([
  'military',
  'militaire',
  'militaires',
  'army',
  'armee',
  'troops',
  'troop',
  'troupes',
  'soldier',
  'soldiers',
  'soldat',
  'soldats',
  'forces',
  'defence',
  'defense',
  'defense',
  'barkhane',
  'serval',
  'base',
  'operation',
  'operations',
]);

const countries = JSON.parse(
  readFileSync(
    join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'packages', 'enrich', 'data', 'countries.json'),
    'utf8',
  ),
) as { countries: Array<{ african: boolean; names: string[]; cities: string[] }> };
const AFRICA = words([
  'africa',
  'afrique',
  'african',
  'africain',
  'africaine',
  'sahel',
  ...countries.countries.filter((c) => c.african).flatMap((c) => [...c.names, ...c.cities.slice(0, 1)]),
]);

/** The keyword alert's decision on one item. */
export function keywordAlert(title: string, text: string): boolean {
  const all = fold(`${title}\n${text}`);
  return FRANCE.test(all) && MILITARY.test(all) && AFRICA.test(all);
}
