// Short texts written for these tests (never copied from the development set or the seeds):
// each states one rule of CRITERIA.md or one trap of the gazetteer.
import { describe, expect, it } from 'vitest';
import { EVENT_TAXONOMY, enrich, parseEnrichInput } from '../src/index.js';

const codes = (title: string, text: string, lang?: string) =>
  enrich({ title, text, lang }).countries.map((c) => c.code);
const relevant = (title: string, text: string) => enrich({ title, text }).relevance.relevant;
const eventTypes = (title: string, text: string, lang?: string) =>
  enrich({ title, text, lang }).events.map((e) => e.type);

describe('relevance', () => {
  it('accepts French forces leaving an African state, in English and in French', () => {
    expect(
      relevant(
        'French troops complete their pullout from Niger',
        'The last soldiers left the air base in Niamey on Friday.',
      ),
    ).toBe(true);
    expect(
      relevant(
        'Le Tchad met fin à la coopération militaire avec la France',
        'Les autorités de N’Djamena ont dénoncé les accords de défense signés avec Paris.',
      ),
    ).toBe(true);
  });

  it('accepts an accent-stripped lefaso-style title', () => {
    expect(
      relevant(
        'Operation Barkhane : des terroristes neutralises pres de Menaka',
        'La force Barkhane a mené une opération dans le nord du Mali.',
      ),
    ).toBe(true);
  });

  it('explains its decision with the matched evidence', () => {
    const { reasons, score } = enrich({
      title: 'French troops complete their pullout from Niger',
      text: 'The last soldiers left Niamey.',
    }).relevance;
    expect(score).toBeGreaterThan(0.5);
    expect(reasons.join('\n')).toMatch(/French troops complete their pullout from Niger/);
    expect(reasons[0]).toMatch(/^[+−]\d+\.\d\d /);
  });

  it('rejects the hard negatives of the criteria', () => {
    // Wagner in Ukraine; a football coach named Wagner; French forces outside Africa.
    expect(relevant('Wagner fighters push into Bakhmut', 'Russian mercenaries claimed gains in eastern Ukraine.')).toBe(
      false,
    );
    expect(
      relevant(
        'David Wagner sacked as coach',
        'The club dismissed David Wagner after five defeats; Wagner had arrived in the summer.',
      ),
    ).toBe(false);
    expect(
      relevant(
        'French army sends tanks to Romania',
        'Paris will deploy 500 soldiers to reinforce NATO’s eastern flank.',
      ),
    ).toBe(false);
    // France and Africa, but visas; Sahel violence without France; non-French forces in Africa.
    expect(
      relevant(
        'France eases visa rules for Senegal',
        'Students from Dakar will get visas faster, the French consulate said.',
      ),
    ).toBe(false);
    expect(
      relevant('Gunmen kill 20 villagers in Burkina Faso', 'Jihadists attacked a village near Djibo, the army said.'),
    ).toBe(false);
    expect(
      relevant('British troops leave Mali early', 'The UK withdrew its soldiers from the UN mission in Mali.'),
    ).toBe(false);
  });

  it('does not count news agencies as France', () => {
    expect(relevant('Attack near Gao', 'Soldiers were killed near Gao, Agence France-Presse reported.')).toBe(false);
    expect(codes('Attack near Gao', 'Soldiers were killed, Agence France-Presse reported.')).toEqual(['ML']);
  });
});

describe('countries', () => {
  it('tells Nigerien (NE) from Nigerian (NG)', () => {
    expect(codes('Nigerien junta expels French envoy', 'The Nigerien authorities gave him 48 hours.')).toContain('NE');
    expect(codes('Nigerian army kills militants', 'The Nigerian military said.')).toEqual(['NG']);
  });

  it('reads French demonyms and capitals', () => {
    expect(codes('Bangui', 'Les soldats centrafricains et les militaires français à Bangui.', 'fr').sort()).toEqual([
      'CF',
      'FR',
    ]);
  });

  it('ignores an origin adjective like "US-based"', () => {
    expect(codes('Report', 'A US-based group said Wagner forces operate in Mali.')).not.toContain('US');
  });
});

describe('actors', () => {
  const ids = (title: string, text: string) => enrich({ title, text }).actors.map((a) => a.id);

  it('resolves "Wagner" and "Traoré" only in context', () => {
    expect(ids('Wagner mercenaries arrive', 'Wagner has sent 400 men to Mali.')).toEqual(['wagner-group']);
    expect(ids('Coach', 'Manager David Wagner praised his squad.')).toEqual([]);
    expect(ids('Burkina leader Traoré meets Putin', 'Captain Traoré asked for weapons.')).toContain('ibrahim-traore');
    expect(ids('Election', 'Singer Aminata Traoré released an album.')).toEqual([]);
  });

  it('matches aliases without accents and in French', () => {
    const actors = enrich({ title: 'Goita et la CEDEAO', text: 'Les FAMa et le groupe Wagner.' }).actors;
    expect(actors.map((a) => a.id).sort()).toEqual(['assimi-goita', 'ecowas', 'fama', 'wagner-group']);
    expect(actors.find((a) => a.id === 'fama')).toMatchObject({
      name: 'Malian armed forces (FAMa)',
      kind: 'armed_force',
      mentions: 1,
    });
  });
});

describe('events', () => {
  it('fires English and French patterns with their evidence', () => {
    const { events } = enrich({
      title: 'Niger denounces its defence agreements with France',
      text: 'Protesters rallied outside the French base in Niamey.',
    });
    expect(events).toEqual([
      {
        type: 'cooperation_ended',
        label: 'Cooperation ended or defence agreement terminated',
        evidence: 'Niger denounces its defence agreements with France',
      },
      {
        type: 'anti_french_protest',
        label: 'Protest against the French presence',
        evidence: 'Protesters rallied outside the French base in Niamey.',
      },
    ]);
    expect(
      eventTypes(
        'La France suspend sa coopération militaire avec le Mali',
        'Paris a aussi suspendu la formation des soldats maliens.',
        'fr',
      ),
    ).toEqual(expect.arrayContaining(['cooperation_suspended', 'training_mission']));
  });

  it('uses only the patterns of the article language', () => {
    // French "form*" (formation) must not read English "former".
    expect(eventTypes('A former soldier speaks', 'He is a former army officer.', 'en')).not.toContain(
      'training_mission',
    );
  });

  it('publishes the taxonomy with English and French labels', () => {
    expect(EVENT_TAXONOMY.map((t) => t.id)).toEqual([
      'cooperation_suspended',
      'cooperation_ended',
      'defence_agreement_signed',
      'troop_deployment',
      'troop_withdrawal',
      'base_closure',
      'training_mission',
      'arms_transfer',
      'military_operation',
      'coup',
      'disinformation',
      'diplomatic_protest',
      'anti_french_protest',
      'casualties',
    ]);
    for (const t of EVENT_TAXONOMY) expect(t.labelFr.length).toBeGreaterThan(3);
  });
});

describe('parseEnrichInput', () => {
  it('accepts a missing title and rejects bad fields with INVALID_JOB', () => {
    expect(parseEnrichInput({ text: 'x' })).toEqual({ title: '', text: 'x', lang: null });
    expect(() => parseEnrichInput({ title: 'x' })).toThrow(
      expect.objectContaining({ code: 'INVALID_JOB', message: 'text must be a string' }),
    );
    expect(() => parseEnrichInput('text')).toThrow(/object/);
  });
});
