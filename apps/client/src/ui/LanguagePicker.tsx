import { LANGUAGE_NAMES, LANGUAGES } from "@quorum/shared/i18n/index";
import { useI18n } from "../i18n.tsx";

/** P7: English or German, one tap each; the choice is remembered on this device. */
export function LanguagePicker() {
  const { language, setLanguage, t } = useI18n();
  return (
    <fieldset class="language-picker">
      <legend class="visually-hidden">{t("language.label")}</legend>
      {LANGUAGES.map((option) => (
        <button
          key={option}
          type="button"
          lang={option}
          aria-pressed={option === language}
          onClick={() => setLanguage(option)}
        >
          {LANGUAGE_NAMES[option]}
        </button>
      ))}
    </fieldset>
  );
}
