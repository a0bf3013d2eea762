import { de } from "./de.ts";
import { en } from "./en.ts";
import type { MessageKey, MessageParams, Messages } from "./messages.ts";

export type { MessageKey, MessageParams, Messages } from "./messages.ts";

/** P7: the languages the UI speaks, in the order the language picker lists them. */
export const LANGUAGES = ["en", "de"] as const;
export type Language = (typeof LANGUAGES)[number];

/** @default "en" — used when the browser asks for none of LANGUAGES. */
export const DEFAULT_LANGUAGE: Language = "en";

/** Each language's own name, for the picker (always written in that language). */
export const LANGUAGE_NAMES: Record<Language, string> = { en: "English", de: "Deutsch" };

const DICTIONARIES: Record<Language, Messages> = { en, de };

/** Arguments after the key: none for a plain message, the placeholder values otherwise. */
export type MessageArgs<K extends MessageKey> = [MessageParams<K>] extends [never]
  ? []
  : [params: Record<MessageParams<K>, string | number>];

/** The message `key` in `language`, with each `{name}` replaced by `params[name]`. */
export function t<K extends MessageKey>(
  language: Language,
  key: K,
  ...[params]: MessageArgs<K>
): string {
  const template = DICTIONARIES[language][key];
  if (!params) return template;
  const values: Record<string, string | number> = params;
  return template.replace(/\{([\w-]+)\}/g, (placeholder, name: string) =>
    name in values ? String(values[name]) : placeholder,
  );
}

export function isLanguage(value: unknown): value is Language {
  return typeof value === "string" && (LANGUAGES as readonly string[]).includes(value);
}

/**
 * The first of the browser's preferred languages (`navigator.languages`) that the UI speaks,
 * matched on the primary subtag ("de-AT" → "de"); DEFAULT_LANGUAGE when none matches.
 */
export function detectLanguage(preferred: readonly string[]): Language {
  for (const tag of preferred) {
    const primary = tag.split(/[-_]/)[0]?.toLowerCase();
    if (isLanguage(primary)) return primary;
  }
  return DEFAULT_LANGUAGE;
}

/**
 * D3: a refused action as one sentence with its rule ID, e.g. "You already sent that packet on
 * its way. (R5)". Node ids in the parameters are shown through `nodeLabel` (a nickname, or the
 * number people see).
 */
export function explainRejection(
  language: Language,
  rejection: { rule: string; code: MessageKey; params?: Record<string, string | number> },
  nodeLabel: (node: number) => string = (node) => String(node + 1),
): string {
  const params: Record<string, string | number> = { ...rejection.params };
  for (const name of ["node", "to"]) {
    const value = params[name];
    if (typeof value === "number") params[name] = nodeLabel(value);
  }
  const template = DICTIONARIES[language][rejection.code];
  const sentence = template.replace(/\{([\w-]+)\}/g, (placeholder, name: string) =>
    name in params ? String(params[name]) : placeholder,
  );
  return t(language, "rejection.sentence", { sentence, rule: rejection.rule });
}
