import { useState } from "preact/hooks";
import { useI18n } from "../i18n.tsx";
import { navigate } from "../router.ts";
import type { Teacher } from "./auth.ts";
import { signOut } from "./auth.ts";

/** The signed-in teacher and the way out, for the top bar of every teacher page. */
export function TeacherBar({ teacher }: { teacher: Teacher }) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  return (
    <p class="teacher-bar">
      <span class="teacher-bar__who">{t("auth.signedInAs", { email: teacher.email })}</span>
      <button
        type="button"
        class="button button--secondary"
        disabled={busy}
        onClick={async () => {
          setBusy(true);
          // Unreachable server: this browser forgets the sign-in all the same.
          await signOut().catch(() => undefined);
          navigate("/login", { replace: true });
        }}
      >
        {t("auth.signOut")}
      </button>
    </p>
  );
}
