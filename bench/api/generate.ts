// A deterministic generator of realistic articles for the API benchmark: dates over five
// years with bursts around the real crises, skewed country/actor/source distributions, English
// and French text. The same seed always writes the same rows.
import { createHash } from 'node:crypto';
import type { Queryable } from '@famwatch/store';

export const GENERATOR_VERSION = 1;

/** Mulberry32: small, fast, deterministic. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Picks from `items` with Zipf-like weights (the first items are much more frequent). */
function zipf<T>(items: readonly T[], random: () => number, s = 1.1): () => T {
  const weights = items.map((_, i) => 1 / (i + 1) ** s);
  const total = weights.reduce((a, b) => a + b, 0);
  let sum = 0;
  const cumulative = weights.map((w) => (sum += w / total));
  return () => {
    const r = random();
    const i = cumulative.findIndex((c) => r <= c);
    return items[i === -1 ? items.length - 1 : i]!;
  };
}

const COUNTRIES: Array<[string, string, string]> = [
  ['FR', 'France', 'France'],
  ['ML', 'Mali', 'Mali'],
  ['NE', 'Niger', 'Niger'],
  ['BF', 'Burkina Faso', 'Burkina Faso'],
  ['CF', 'Central African Republic', 'Centrafrique'],
  ['TD', 'Chad', 'Tchad'],
  ['SN', 'Senegal', 'Sénégal'],
  ['CI', "Côte d'Ivoire", "Côte d'Ivoire"],
  ['RU', 'Russia', 'Russie'],
  ['DZ', 'Algeria', 'Algérie'],
  ['GA', 'Gabon', 'Gabon'],
  ['DJ', 'Djibouti', 'Djibouti'],
  ['MA', 'Morocco', 'Maroc'],
  ['RW', 'Rwanda', 'Rwanda'],
  ['GN', 'Guinea', 'Guinée'],
  ['CM', 'Cameroon', 'Cameroun'],
  ['US', 'United States', 'États-Unis'],
  ['BJ', 'Benin', 'Bénin'],
  ['TG', 'Togo', 'Togo'],
  ['LY', 'Libya', 'Libye'],
  ['MR', 'Mauritania', 'Mauritanie'],
  ['CD', 'DR Congo', 'RD Congo'],
  ['EG', 'Egypt', 'Égypte'],
];
const ACTORS: Array<[string, string, string]> = [
  ['french-armed-forces', 'French armed forces', 'armed_force'],
  ['operation-barkhane', 'Operation Barkhane', 'operation'],
  ['wagner-group', 'Wagner Group', 'mercenary_group'],
  ['emmanuel-macron', 'Emmanuel Macron', 'person'],
  ['fama', 'Malian armed forces (FAMa)', 'armed_force'],
  ['africa-corps', 'Africa Corps', 'mercenary_group'],
  ['assimi-goita', 'Assimi Goïta', 'person'],
  ['minusma', 'MINUSMA', 'international_mission'],
  ['ecowas', 'ECOWAS', 'organisation'],
  ['jnim', 'JNIM', 'armed_group'],
  ['abdourahamane-tiani', 'Abdourahamane Tiani', 'person'],
  ['ibrahim-traore', 'Ibrahim Traoré', 'person'],
  ['alliance-of-sahel-states', 'Alliance of Sahel States', 'organisation'],
  ['mahamat-deby', 'Mahamat Idriss Déby', 'person'],
  ['minusca', 'MINUSCA', 'international_mission'],
  ['faustin-archange-touadera', 'Faustin-Archange Touadéra', 'person'],
  ['isgs', 'Islamic State in the Greater Sahara', 'armed_group'],
  ['operation-serval', 'Operation Serval', 'operation'],
  ['task-force-takuba', 'Task Force Takuba', 'operation'],
  ['eutm-mali', 'EUTM Mali', 'international_mission'],
];
const EVENTS: Array<[string, string]> = [
  ['troop_withdrawal', 'Troop withdrawal'],
  ['military_operation', 'Military operation or strike'],
  ['cooperation_ended', 'Cooperation ended or defence agreement terminated'],
  ['anti_french_protest', 'Protest against the French presence'],
  ['coup', 'Coup'],
  ['disinformation', 'Disinformation or influence campaign'],
  ['base_closure', 'Base closure or handover'],
  ['casualties', 'Casualties'],
  ['troop_deployment', 'Troop deployment'],
  ['cooperation_suspended', 'Cooperation suspended'],
  ['diplomatic_protest', 'Diplomatic protest or expulsion'],
  ['training_mission', 'Training mission'],
  ['defence_agreement_signed', 'Defence agreement signed'],
  ['arms_transfer', 'Arms or equipment transfer'],
];
const AGENCIES = ['AFP', 'Reuters', 'AP', 'Anadolu', 'Xinhua', 'APP', 'Sputnik', 'TASS'];

const EN = [
  'French troops began leaving the {country} base on {day}, officials said, ending a presence that lasted nearly a decade.',
  'The junta in {country} accused {actor} of violating its airspace and demanded the departure of foreign forces.',
  'Analysts said the withdrawal leaves a security vacuum that {actor} could exploit in the border region.',
  'Thousands of demonstrators gathered in the capital, waving Russian flags and calling for an end to the defence accords.',
  'Paris said it would continue to support the fight against jihadist groups through training and intelligence sharing.',
  'The army said several soldiers were killed in an ambush near the border, the deadliest attack this year.',
  'Diplomats in {country} described relations with Paris as at their lowest point since independence.',
  'Mercenaries from {actor} have been deployed alongside the national army, according to several security sources.',
];
const FR = [
  "Les soldats français ont commencé à quitter la base de {country} le {day}, selon l'état-major.",
  'La junte au pouvoir au {country} accuse {actor} de violer son espace aérien et exige le départ des forces étrangères.',
  'Pour les analystes, ce retrait laisse un vide sécuritaire que {actor} pourrait exploiter dans la zone des trois frontières.',
  'Des milliers de manifestants se sont rassemblés dans la capitale pour réclamer la fin des accords de défense avec Paris.',
  'Paris assure vouloir poursuivre la lutte contre les groupes jihadistes par la formation et le renseignement.',
  "L'armée a annoncé la mort de plusieurs soldats dans une embuscade près de la frontière, l'attaque la plus meurtrière de l'année.",
  'Les diplomates décrivent des relations avec la France au plus bas depuis les indépendances.',
  "Des mercenaires de {actor} ont été déployés aux côtés de l'armée nationale, selon plusieurs sources sécuritaires.",
];

export const SOURCES = Array.from({ length: 25 }, (_, i) => ({
  id: `bench-source-${i + 1}`,
  name: `Bench outlet ${i + 1}`,
}));

/** Five years of dates with bursts in 2022–2023 (Mali, Burkina, Niger) and late 2024 (Chad, Senegal). */
function dateOf(random: () => number): Date {
  const start = Date.UTC(2021, 10, 1);
  const end = Date.UTC(2026, 10, 1);
  const r = random();
  if (r < 0.25) return new Date(Date.UTC(2022, 0, 1) + random() * (Date.UTC(2023, 11, 31) - Date.UTC(2022, 0, 1)));
  if (r < 0.35) return new Date(Date.UTC(2024, 8, 1) + random() * (Date.UTC(2025, 1, 28) - Date.UTC(2024, 8, 1)));
  return new Date(start + random() * (end - start));
}

interface Row {
  id: string;
  source_id: string;
  url: string;
  title: string;
  body: string;
  language: string;
  published_at: string;
  fetched_at: string;
  agencies: string[];
  word_count: number;
  relevance_score: number;
  relevant: boolean;
  relevance_reasons: string[];
  country_tags: Array<{ code: string; name: string; mentions: number }>;
  actor_tags: Array<{ id: string; name: string; kind: string; mentions: number }>;
  event_tags: Array<{ type: string; label: string; evidence: string }>;
  countries: string[];
  actors: string[];
  event_types: string[];
}

function makeRow(
  i: number,
  random: () => number,
  pick: {
    source: () => (typeof SOURCES)[number];
    country: () => (typeof COUNTRIES)[number];
    actor: () => (typeof ACTORS)[number];
    event: () => (typeof EVENTS)[number];
  },
): Row {
  const fr = random() < 0.45;
  const published = dateOf(random);
  const countries = new Map<string, (typeof COUNTRIES)[number]>();
  if (random() < 0.7) countries.set('FR', COUNTRIES[0]!);
  for (let k = 0; k < 1 + Math.floor(random() * 3); k += 1) {
    const c = pick.country();
    countries.set(c[0], c);
  }
  const actors = new Map<string, (typeof ACTORS)[number]>();
  for (let k = 0; k < Math.floor(random() * 4); k += 1) {
    const a = pick.actor();
    actors.set(a[0], a);
  }
  const events = new Map<string, (typeof EVENTS)[number]>();
  for (let k = 0; k < Math.floor(random() * 3); k += 1) {
    const e = pick.event();
    events.set(e[0], e);
  }
  const main = [...countries.values()].find((c) => c[0] !== 'FR') ?? COUNTRIES[1]!;
  const actor = [...actors.values()][0] ?? ACTORS[2]!;
  const templates = fr ? FR : EN;
  const day = published.toISOString().slice(0, 10);
  const paragraphs = Array.from({ length: 6 + Math.floor(random() * 6) }, () =>
    templates[Math.floor(random() * templates.length)]!.replace('{country}', fr ? main[2] : main[1])
      .replace('{actor}', actor[1])
      .replace('{day}', day),
  );
  const title = fr ? `${main[2]} : ${paragraphs[0]!.split(',')[0]}` : `${main[1]}: ${paragraphs[0]!.split(',')[0]}`;
  const body = paragraphs.join('\n\n');
  const score = Math.round(random() * 1000) / 1000;
  const id = createHash('sha256').update(`bench-${i}`).digest('hex').slice(0, 16);
  const agencyRoll = random();
  const agencies =
    agencyRoll < 0.4
      ? ['AFP']
      : agencyRoll < 0.55
        ? ['Reuters']
        : agencyRoll < 0.62
          ? [AGENCIES[2 + Math.floor(random() * 6)]!]
          : [];
  return {
    id,
    source_id: pick.source().id,
    url: `https://bench.example/${id}`,
    title,
    body,
    language: fr ? 'fr' : 'en',
    published_at: published.toISOString(),
    fetched_at: new Date(published.getTime() + 3_600_000).toISOString(),
    agencies,
    word_count: body.split(/\s+/).length,
    relevance_score: score,
    relevant: score >= 0.55,
    relevance_reasons: score >= 0.55 ? [`+2.1 ${main[1]} + French forces`] : [],
    country_tags: [...countries.values()].map(([code, name]) => ({
      code,
      name,
      mentions: 1 + Math.floor(random() * 5),
    })),
    actor_tags: [...actors.values()].map(([aid, name, kind]) => ({
      id: aid,
      name,
      kind,
      mentions: 1 + Math.floor(random() * 4),
    })),
    event_tags: [...events.values()].map(([type, label]) => ({ type, label, evidence: paragraphs[0]! })),
    countries: [...countries.keys()],
    actors: [...actors.keys()],
    event_types: [...events.keys()],
  };
}

/** Writes `count` articles (and the sources) with seed `seed`; reports progress every 10,000. */
export async function generateArticles(
  q: Queryable,
  count: number,
  seed: number,
  progress: (done: number) => void,
): Promise<void> {
  const random = prng(seed);
  const pick = {
    source: zipf(SOURCES, random),
    country: zipf(COUNTRIES.slice(1), random, 1.0),
    actor: zipf(ACTORS, random),
    event: zipf(EVENTS, random, 0.9),
  };
  for (const source of SOURCES) {
    await q.query(
      `INSERT INTO sources (id, name, homepage, language, enabled, origin) VALUES ($1, $2, $3, 'en', false, 'api') ON CONFLICT DO NOTHING`,
      [source.id, source.name, `https://bench.example/${source.id}/`],
    );
  }
  const BATCH = 1000;
  for (let done = 0; done < count; done += BATCH) {
    const rows = Array.from({ length: Math.min(BATCH, count - done) }, (_, k) => makeRow(done + k, random, pick));
    await q.query(
      `INSERT INTO articles (id, source_id, url, canonical_url, title, body, language, published_at, published_offset, fetched_at,
         agencies, word_count, relevance_score, relevant, relevance_reasons, country_tags, actor_tags, event_tags, countries, actors,
         event_types, cluster_id, enriched_at)
       SELECT id, source_id, url, url, title, body, language, published_at, 0, fetched_at, agencies, word_count, relevance_score,
         relevant, relevance_reasons, country_tags, actor_tags, event_tags, countries, actors, event_types, id, fetched_at
       FROM jsonb_to_recordset($1::jsonb) AS x(id text, source_id text, url text, title text, body text, language text,
         published_at timestamptz, fetched_at timestamptz, agencies text[], word_count int, relevance_score real, relevant boolean,
         relevance_reasons jsonb, country_tags jsonb, actor_tags jsonb, event_tags jsonb, countries text[], actors text[], event_types text[])
       ON CONFLICT (id) DO NOTHING`,
      [JSON.stringify(rows)],
    );
    progress(done + rows.length);
  }
}
