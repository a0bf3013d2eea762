import {
  detectLanguage,
  isLanguage,
  type Language,
  type MessageArgs,
  type MessageKey,
  t,
} from "@quorum/shared/i18n/index";
import { type ComponentChildren, createContext } from "preact";
import { useContext, useEffect, useMemo, useState } from "preact/hooks";

const STORAGE_KEY = "quorum.language";

type Translate = <K extends MessageKey>(key: K, ...args: MessageArgs<K>) => string;

interface I18n {
  language: Language;
  setLanguage(language: Language): void;
  t: Translate;
  /** Formats a number the way the current language writes it (3.5 vs 3,5). */
  number(value: number, fractionDigits?: number): string;
}

const I18nContext = createContext<I18n | null>(null);

/** P7: the chosen language, else the one remembered on this device, else the browser's. */
function initialLanguage(): Language {
  try {
    const remembered = localStorage.getItem(STORAGE_KEY);
    if (isLanguage(remembered)) return remembered;
  } catch {
    // Storage can be blocked (private mode, strict settings); fall back to the browser's choice.
  }
  return detectLanguage(navigator.languages ?? [navigator.language]);
}

export function I18nProvider({ children }: { children: ComponentChildren }) {
  const [language, setLanguageState] = useState(initialLanguage);

  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  const value = useMemo<I18n>(() => {
    const numberFormats = new Map<number, Intl.NumberFormat>();
    return {
      language,
      setLanguage(next) {
        setLanguageState(next);
        try {
          localStorage.setItem(STORAGE_KEY, next);
        } catch {
          // Not remembered on this device; the choice still holds for this visit.
        }
      },
      t: (key, ...args) => t(language, key, ...args),
      number(value, fractionDigits = 0) {
        let format = numberFormats.get(fractionDigits);
        if (!format) {
          format = new Intl.NumberFormat(language, {
            minimumFractionDigits: fractionDigits,
            maximumFractionDigits: fractionDigits,
          });
          numberFormats.set(fractionDigits, format);
        }
        return format.format(value);
      },
    };
  }, [language]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error("useI18n needs an <I18nProvider> above it");
  return i18n;
}
