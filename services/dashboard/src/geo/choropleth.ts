/**
 * Class breaks for the map: `steps` classes between 1 and `max` on a square-root scale, because
 * a few countries (Mali, France) dwarf the rest and a linear scale would paint everything else
 * in the lightest class. Returns the lower bound of each class, strictly increasing.
 */
export function classBreaks(max: number, steps: number): number[] {
  const breaks: number[] = [];
  for (let i = 0; i < steps; i++) {
    const bound = Math.max(1, Math.ceil(((Math.sqrt(max) * i) / steps) ** 2));
    if (breaks.length === 0 || bound > breaks.at(-1)!) breaks.push(bound);
  }
  return breaks;
}

/** The class of `count` (-1 for zero: no articles). */
export function classOf(count: number, breaks: readonly number[]): number {
  if (count <= 0) return -1;
  let index = 0;
  for (let i = 0; i < breaks.length; i++) if (count >= breaks[i]!) index = i;
  return index;
}
