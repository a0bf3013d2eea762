import type { ComponentChildren } from "preact";
import { useI18n } from "../i18n.tsx";
import { followLink } from "../router.ts";
import { LanguagePicker } from "./LanguagePicker.tsx";
import { Logo } from "./Logo.tsx";

interface Props {
  /** The landing page names the app as its heading; other pages link back to it. */
  brandIsHeading?: boolean;
  /** Shown in the top bar, before the language picker. */
  actions?: ComponentChildren;
  class: string;
  children: ComponentChildren;
}

/** What every page shares: the name, the language picker, the footer. */
export function Page({ brandIsHeading = false, actions, class: className, children }: Props) {
  const { t } = useI18n();
  const brand = (
    <>
      <Logo size={40} />
      <span>{t("app.name")}</span>
    </>
  );
  return (
    <div class={`page ${className}`}>
      <header class="topbar">
        {brandIsHeading ? (
          <h1 class="brand">{brand}</h1>
        ) : (
          <a class="brand" href="/" onClick={followLink}>
            {brand}
          </a>
        )}
        <div class="topbar__actions">
          {actions}
          <LanguagePicker />
        </div>
      </header>
      {children}
      <footer class="footer">{t("app.footer")}</footer>
    </div>
  );
}
