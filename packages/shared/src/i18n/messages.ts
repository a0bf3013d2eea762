import type { en } from "./en.ts";

/** P7: a message key; English defines the set, every language translates all of them. */
export type MessageKey = keyof typeof en;

/** One language's dictionary: a string for every key. */
export type Messages = Record<MessageKey, string>;

/** The `{name}` placeholders in an English message, e.g. "code" | "count". */
type Placeholders<S extends string> = S extends `${string}{${infer Name}}${infer Rest}`
  ? Name | Placeholders<Rest>
  : never;

/** The values a message needs, or `never` when it has no placeholders. */
export type MessageParams<K extends MessageKey> = Placeholders<(typeof en)[K]>;
