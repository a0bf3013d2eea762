/**
 * Random values of every shape the SDK can encode — deep, huge, NaN-ish, prototype-polluting —
 * and packages/shared's schemas run as the server runs them.
 */
import { chance, pick, type RngState, nextInt as randomInt } from "@quorum/shared";

/** A schema of packages/shared (valibot), used through Standard Schema: no valibot import here. */
export interface SharedSchema {
  readonly "~standard": { validate(value: unknown): unknown };
}

/** The schema's output for `value`, or undefined when it refuses it (synchronous schemas only). */
export function parse(schema: SharedSchema, value: unknown): { value: unknown } | undefined {
  const result = schema["~standard"].validate(value) as { value?: unknown; issues?: unknown };
  return result.issues === undefined ? { value: result.value } : undefined;
}

export const accepts = (schema: SharedSchema, value: unknown) => parse(schema, value) !== undefined;

const STRINGS = [
  "",
  "NaN",
  "Infinity",
  "-0",
  "1e309",
  "null",
  "undefined",
  "__proto__",
  "constructor",
  "prototype",
  "toString",
  "<img src=x onerror=alert(1)>",
  "漢字🦀",
  "\ud800",
  "\u0000",
  "x".repeat(300),
];
const NUMBERS = [
  0,
  -0,
  -1,
  1.5,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  Number.MAX_SAFE_INTEGER,
  2 ** 53 + 2,
  1e308,
  -1e308,
  Number.MIN_VALUE,
  2 ** 32,
];
const KEYS = [
  "__proto__",
  "constructor",
  "prototype",
  "toString",
  "valueOf",
  "hasOwnProperty",
  "type",
  "seq",
  "action",
  "packet",
  "node",
  "to",
  "card",
  "",
];

/** An object with `key` as an own property, even `__proto__` (a literal would set the prototype). */
export function own(entries: [string, unknown][]): Record<string, unknown> {
  const object: Record<string, unknown> = {};
  for (const [key, value] of entries) {
    Object.defineProperty(object, key, { value, enumerable: true, writable: true });
  }
  return object;
}

function nested(depth: number, leaf: unknown, asArray: boolean): unknown {
  let value = leaf;
  for (let i = 0; i < depth; i++) value = asArray ? [value] : own([["a", value]]);
  return value;
}

/** A random value of any shape the SDK can encode. */
export function randomValue(rng: RngState, depth = 0): unknown {
  switch (randomInt(rng, depth > 2 ? 7 : 12)) {
    case 0:
      return null;
    case 1:
      return chance(rng, 0.5);
    case 2:
      return pick(rng, NUMBERS);
    case 3:
      return randomInt(rng, 1000) - 10;
    case 4:
      return pick(rng, STRINGS);
    case 5:
      return pick(rng, [-(2n ** 62n), 2n ** 63n, 0n]);
    case 6:
      return pick(rng, [new Date(0), new Uint8Array([1, 2, 3]), undefined]);
    case 7:
    case 8:
      return Array.from({ length: randomInt(rng, 4) }, () => randomValue(rng, depth + 1));
    case 9:
    case 10:
      return own(
        Array.from({ length: 1 + randomInt(rng, 4) }, () => [
          pick(rng, KEYS),
          randomValue(rng, depth + 1),
        ]),
      );
    default:
      // Far deeper than any schema; the SDK's own encoder stops at a few thousand levels.
      return nested(50 + randomInt(rng, 350), randomValue(rng, 3), chance(rng, 0.7));
  }
}

/** JSON for failure messages, whatever the value holds. */
export function describeValue(value: unknown, max = 140): string {
  let text: string;
  try {
    text =
      JSON.stringify(value, (_, item) => (typeof item === "bigint" ? `${item}n` : item)) ??
      String(value);
  } catch {
    text = "(cannot be shown)";
  }
  return text.length > max ? `${text.slice(0, max)}…(${text.length})` : text;
}
