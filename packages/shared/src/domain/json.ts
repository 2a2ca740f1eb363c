/**
 * A type that survives JSON.stringify/parse unchanged. Job payloads are typed with it so that
 * the compiler rejects a payload holding a Date, a Map or a function (after vendure's JobData).
 */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

// Distributes over unions, so optional fields (`T | undefined`) keep their other members.
type Json<T> = T extends JsonValue
  ? T
  : T extends undefined
    ? undefined
    : T extends (infer U)[]
      ? Json<U>[]
      : T extends (...args: never[]) => unknown
        ? never
        : T extends object
          ? { [K in keyof T]: Json<T[K]> }
          : never;

export type JsonCompatible<T> = { [P in keyof T]: Json<T[P]> };
