// The code unit at `text[i]`, read through the builtin captured at load. Once any class
// extends String (ioredis, which the worker and the API load, declares one), V8 stops inlining
// the `text.charCodeAt(i)` method call and character loops run several times slower; the
// captured builtin called through `call` is inlined either way. Hot character loops use this.
const charCodeAt = String.prototype.charCodeAt;

export const codeUnitAt = (text: string, i: number): number => charCodeAt.call(text, i);
