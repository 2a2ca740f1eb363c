// Actor tags: every actor named (ambiguous names resolved by analyze.ts), most mentioned first.
import type { SentenceAnalysis } from './analyze.js';
import { ACTORS } from './dictionary.js';
import type { ActorTag } from './types.js';

/** Tags the actors of an article. */
export function tagActors(sentences: readonly SentenceAnalysis[]): ActorTag[] {
  const counts = new Map<string, { mentions: number; first: number }>();
  let order = 0;
  for (const s of sentences) {
    for (const a of s.actors) {
      const entry = counts.get(a.id);
      if (entry) entry.mentions += 1;
      else counts.set(a.id, { mentions: 1, first: order });
      order += 1;
    }
  }
  return [...counts]
    .sort(([, a], [, b]) => b.mentions - a.mentions || a.first - b.first)
    .map(([id, { mentions }]) => {
      const actor = ACTORS.get(id)!;
      return { id, name: actor.name, kind: actor.kind, mentions };
    });
}

/** Every actor the engine knows, by id, with its canonical name and kind (for labels and pickers). */
export function actorCatalog(): ReadonlyArray<{ id: string; name: string; kind: ActorTag['kind'] }> {
  return [...ACTORS.values()].map(({ id, name, kind }) => ({ id, name, kind }));
}
