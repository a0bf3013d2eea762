import { useEffect } from "preact/hooks";
import { useI18n } from "../i18n.tsx";
import { followLink, navigate } from "../router.ts";
import { Page } from "../ui/Page.tsx";
import { AuthForm, commonProblem } from "./AuthForm.tsx";
import { setUp, signIn } from "./auth.ts";
import { safeNext, useAuth } from "./useAuth.ts";
import "../teach/teach.css";

/** /login: a teacher signs in (P1) and goes back to where they were heading. */
export function LoginPage({ next }: { next: string | null }) {
  const { t } = useI18n();
  const auth = useAuth();
  const target = safeNext(next);

  useEffect(() => {
    if (auth.status === "signed-in") navigate(target, { replace: true });
  }, [auth.status, target]);

  return (
    <Page class="page--auth">
      <main class="auth">
        <section class="card auth__card" aria-labelledby="login-title">
          <h1 id="login-title">{t("auth.login.title")}</h1>
          <p class="auth__intro">{t("auth.login.intro")}</p>
          <AuthForm
            id="login"
            newPassword={false}
            submitLabel={t("auth.login.submit")}
            busyLabel={t("auth.login.busy")}
            onSubmit={async ({ email, password }) => {
              await signIn(email, password);
              navigate(target, { replace: true });
            }}
            explain={(error) =>
              error.code === "invalid-credentials"
                ? { field: null, say: (tr) => tr("auth.error.invalidCredentials") }
                : commonProblem(error)
            }
          />
          <p class="auth__aside">{t("auth.login.noAccount")}</p>
        </section>
        <a class="back-link" href="/" onClick={followLink}>
          {t("host.back")}
        </a>
      </main>
    </Page>
  );
}

/** /setup?token=…: the first teacher account, from the link the server printed (P1). */
export function SetupPage({ token }: { token: string | null }) {
  const { t } = useI18n();
  return (
    <Page class="page--auth">
      <main class="auth">
        <section class="card auth__card" aria-labelledby="setup-title">
          <h1 id="setup-title">{t("auth.setup.title")}</h1>
          <p class="auth__intro">{t("auth.setup.intro")}</p>
          {token ? (
            <AuthForm
              id="setup"
              newPassword
              submitLabel={t("auth.setup.submit")}
              busyLabel={t("auth.setup.busy")}
              onSubmit={async ({ email, password }) => {
                await setUp(token, email, password);
                navigate("/teach", { replace: true });
              }}
              explain={(error) => {
                switch (error.code) {
                  case "invalid-setup-token":
                    return { field: null, say: (tr) => tr("auth.error.setupToken") };
                  case "already-set-up":
                    return { field: null, say: (tr) => tr("auth.error.alreadySetUp") };
                  case "email-taken":
                    return { field: "email", say: (tr) => tr("auth.error.emailTaken") };
                  default:
                    return commonProblem(error);
                }
              }}
            />
          ) : (
            <p class="notice notice--problem" role="alert">
              {t("auth.setup.noToken")}
            </p>
          )}
          <a class="button button--secondary" href="/login" onClick={followLink}>
            {t("auth.setup.toLogin")}
          </a>
        </section>
      </main>
    </Page>
  );
}
