import { PASSWORD_MIN_LENGTH } from "@quorum/shared/platform/account";
import type { InputHTMLAttributes } from "preact";
import { useRef, useState } from "preact/hooks";
import { useI18n } from "../i18n.tsx";
import { ApiError, UnreachableError } from "./apiError.ts";

type Translate = ReturnType<typeof useI18n>["t"];

export type AuthField = "email" | "password" | "confirm";

/** A problem to show: next to a field, or for the whole form. */
export interface AuthProblem {
  field: AuthField | null;
  say(t: Translate): string;
}

interface Props {
  id: string;
  /** Setup asks for the password twice and calls it a new one. */
  newPassword: boolean;
  submitLabel: string;
  busyLabel: string;
  /** Does the work; throws ApiError / UnreachableError, which `explain` turns into a problem. */
  onSubmit(fields: { email: string; password: string }): Promise<void>;
  explain(error: ApiError): AuthProblem;
}

/** Email and password (twice for a new one), with the API's answers shown where they belong. */
export function AuthForm({ id, newPassword, submitLabel, busyLabel, onSubmit, explain }: Props) {
  const { t } = useI18n();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [confirm, setConfirm] = useState("");
  const [problem, setProblem] = useState<AuthProblem | null>(null);
  const [busy, setBusy] = useState(false);
  const inputs = {
    email: useRef<HTMLInputElement>(null),
    password: useRef<HTMLInputElement>(null),
    confirm: useRef<HTMLInputElement>(null),
  };

  const show = (next: AuthProblem) => {
    setProblem(next);
    if (next.field) inputs[next.field].current?.focus();
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    const local = localProblem(email, password, confirm, newPassword);
    if (local) return show(local);
    setBusy(true);
    setProblem(null);
    try {
      await onSubmit({ email: email.trim(), password });
    } catch (error) {
      if (error instanceof ApiError) show(explain(error));
      else if (error instanceof UnreachableError) {
        show({ field: null, say: (t) => t("auth.error.unreachable") });
      } else throw error;
    } finally {
      setBusy(false);
    }
  };

  const errorFor = (field: AuthField) => (problem?.field === field ? problem.say(t) : null);
  const field = (
    name: AuthField,
    label: string,
    input: InputHTMLAttributes<HTMLInputElement>,
    hint?: string,
  ) => {
    const error = errorFor(name);
    const described = [hint && `${id}-${name}-hint`, error && `${id}-${name}-error`]
      .filter(Boolean)
      .join(" ");
    return (
      <div class="field">
        <label for={`${id}-${name}`}>{label}</label>
        <input
          ref={inputs[name]}
          id={`${id}-${name}`}
          class="input"
          aria-invalid={error ? "true" : undefined}
          aria-describedby={described || undefined}
          {...input}
        />
        {hint && (
          <p id={`${id}-${name}-hint`} class="field__hint">
            {hint}
          </p>
        )}
        {error && (
          <p id={`${id}-${name}-error`} class="field__error">
            {error}
          </p>
        )}
      </div>
    );
  };

  return (
    <form class="auth-form" onSubmit={submit} noValidate>
      {field("email", t("auth.email.label"), {
        type: "email",
        name: "email",
        autocomplete: "username",
        spellcheck: false,
        value: email,
        onInput: (event) => setEmail(event.currentTarget.value),
      })}
      {field(
        "password",
        newPassword ? t("auth.newPassword.label") : t("auth.password.label"),
        {
          type: "password",
          name: "password",
          autocomplete: newPassword ? "new-password" : "current-password",
          value: password,
          onInput: (event) => setPassword(event.currentTarget.value),
        },
        newPassword ? t("auth.newPassword.hint", { min: PASSWORD_MIN_LENGTH }) : undefined,
      )}
      {newPassword &&
        field("confirm", t("auth.confirm.label"), {
          type: "password",
          name: "confirm",
          autocomplete: "new-password",
          value: confirm,
          onInput: (event) => setConfirm(event.currentTarget.value),
        })}
      <button class="button button--primary" type="submit" disabled={busy}>
        {busy ? busyLabel : submitLabel}
      </button>
      <p class="auth-form__answer" role="alert">
        {problem && problem.field === null && (
          <span class="notice notice--problem">{problem.say(t)}</span>
        )}
      </p>
    </form>
  );
}

function localProblem(
  email: string,
  password: string,
  confirm: string,
  newPassword: boolean,
): AuthProblem | null {
  if (email.trim() === "") return { field: "email", say: (t) => t("auth.error.emailMissing") };
  if (password === "") {
    return { field: "password", say: (t) => t("auth.error.passwordMissing") };
  }
  if (newPassword && password !== confirm) {
    return { field: "confirm", say: (t) => t("auth.error.mismatch") };
  }
  return null;
}

/** The answers both forms share (P6 rate limits, P8 reachability, the same-origin rule). */
export function commonProblem(error: ApiError): AuthProblem {
  switch (error.code) {
    case "rate-limited": {
      const minutes = Math.max(1, Math.ceil((error.retryAfter ?? 60) / 60));
      return { field: null, say: (t) => t("auth.error.rateLimited", { minutes }) };
    }
    case "cross-origin":
      return { field: null, say: (t) => t("auth.error.crossOrigin") };
    case "unreachable":
      return { field: null, say: (t) => t("auth.error.unreachable") };
    case "invalid-request":
      if (error.field === "email")
        return { field: "email", say: (t) => t("auth.error.emailInvalid") };
      if (error.field === "password") {
        return { field: "password", say: (t) => t("auth.error.passwordLength") };
      }
      return serverProblem(error);
    default:
      return serverProblem(error);
  }
}

function serverProblem(error: ApiError): AuthProblem {
  return { field: null, say: (t) => t("auth.error.server", { status: error.status }) };
}
