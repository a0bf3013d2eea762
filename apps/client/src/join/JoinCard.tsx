import {
  JOIN_CODE_LENGTH,
  NICKNAME_MAX_LENGTH,
  type NicknameProblem,
  normaliseNickname,
} from "@quorum/shared/platform/join";
import { useEffect, useRef, useState } from "preact/hooks";
import { useI18n } from "../i18n.tsx";
import { followLink, navigate } from "../router.ts";
import { type JoinCodeProblem, joinCodeProblem, normaliseJoinCodeInput } from "./joinCode.ts";
import { type JoinOutcome, joinSession } from "./joinSession.ts";
import { loadSeat, rememberSeat } from "./seats.ts";
import "./join.css";

interface Props {
  /** A code from the address (/join/ABC234 or ?code=), as a QR code on the projector links. */
  initialCode: string | null;
}

type Check =
  | { state: "idle" }
  | { state: "checking" }
  | { state: "answered"; answer: JoinProblem; code: string; nickname: string };

type JoinProblem = Exclude<JoinOutcome, { outcome: "joined" }>;

/**
 * P3: a student joins with the code on the projector and a nickname; no account. The seat (a
 * player token) is remembered on this device, so coming back here offers the same node again.
 */
export function JoinCard({ initialCode }: Props) {
  const { t } = useI18n();
  const [code, setCode] = useState(() => normaliseJoinCodeInput(initialCode ?? ""));
  const [nickname, setNickname] = useState(() => loadSeat(code)?.nickname ?? "");
  const [codeError, setCodeError] = useState<JoinCodeProblem | null>(null);
  const [nicknameError, setNicknameError] = useState<NicknameError | null>(null);
  const [check, setCheck] = useState<Check>({ state: "idle" });
  const codeInput = useRef<HTMLInputElement>(null);
  const nicknameInput = useRef<HTMLInputElement>(null);
  const pending = useRef<AbortController | null>(null);
  const answerBox = useRef<HTMLParagraphElement>(null);

  useEffect(() => () => pending.current?.abort(), []);

  // On a phone the answer can land below the fold (or under the keyboard): bring it into view.
  useEffect(() => {
    if (check.state !== "answered") return;
    const still = matchMedia("(prefers-reduced-motion: reduce)").matches;
    answerBox.current?.scrollIntoView({ block: "nearest", behavior: still ? "auto" : "smooth" });
  }, [check]);

  const submit = async (event: Event) => {
    event.preventDefault();
    const codeProblem = joinCodeProblem(code);
    const name = normaliseNickname(nickname);
    const nameProblem = name.ok ? null : { problem: name.problem, count: length(nickname) };
    setCodeError(codeProblem);
    setNicknameError(nameProblem);
    setNickname(name.ok ? name.nickname : nickname.trim());
    if (codeProblem || nameProblem) {
      setCheck({ state: "idle" });
      (codeProblem ? codeInput : nicknameInput).current?.focus();
      return;
    }
    // The same name again on this device: back to the same node, not a second one.
    const held = loadSeat(code);
    if (held && name.ok && sameName(held.nickname, name.nickname)) {
      navigate(playPath(code));
      return;
    }
    pending.current?.abort();
    const controller = new AbortController();
    pending.current = controller;
    setCheck({ state: "checking" });
    try {
      const chosen = name.ok ? name.nickname : "";
      const answer = await joinSession(code, chosen, controller.signal);
      if (answer.outcome === "joined") {
        rememberSeat(code, answer.seat);
        navigate(playPath(code));
        return;
      }
      setCheck({ state: "answered", answer, code, nickname: chosen });
    } catch {
      // Aborted: a newer submit or leaving the page; that one reports instead.
    }
  };

  const codeMessage = codeError && codeProblemText(codeError, t);
  const nicknameMessage = nicknameError && nicknameProblemText(nicknameError, t);
  const answer = check.state === "answered" ? check : null;
  const held = joinCodeProblem(code) === null ? loadSeat(code) : null;

  return (
    <section class="card join-card" aria-labelledby="join-title">
      <h2 id="join-title">{t("join.title")}</h2>
      <form onSubmit={submit} noValidate>
        <div class="field">
          <label for="join-code">{t("join.code.label")}</label>
          <input
            ref={codeInput}
            id="join-code"
            name="code"
            class="input input--code"
            value={code}
            onInput={(event) => {
              const typed = normaliseJoinCodeInput(event.currentTarget.value);
              // Keep the caret where it was when upper-casing rewrites the value.
              const caret = event.currentTarget.selectionStart;
              event.currentTarget.value = typed;
              if (caret !== null) event.currentTarget.setSelectionRange(caret, caret);
              setCode(typed);
              setCodeError(null);
              setCheck({ state: "idle" });
            }}
            type="text"
            inputMode="text"
            autocapitalize="characters"
            autocomplete="off"
            autocorrect="off"
            spellcheck={false}
            enterkeyhint="next"
            aria-describedby={codeMessage ? "join-code-hint join-code-error" : "join-code-hint"}
            aria-invalid={codeMessage ? "true" : undefined}
          />
          <p id="join-code-hint" class="field__hint">
            {t("join.code.hint")}
          </p>
          {codeMessage && (
            <p id="join-code-error" class="field__error">
              {codeMessage}
            </p>
          )}
        </div>
        <div class="field">
          <label for="join-nickname">{t("join.nickname.label")}</label>
          <input
            ref={nicknameInput}
            id="join-nickname"
            name="nickname"
            class="input"
            value={nickname}
            onInput={(event) => {
              setNickname(event.currentTarget.value);
              setNicknameError(null);
            }}
            type="text"
            autocomplete="nickname"
            autocapitalize="words"
            spellcheck={false}
            enterkeyhint="go"
            aria-describedby={
              nicknameMessage ? "join-nickname-hint join-nickname-error" : "join-nickname-hint"
            }
            aria-invalid={nicknameMessage ? "true" : undefined}
          />
          <p id="join-nickname-hint" class="field__hint">
            {t("join.nickname.hint", { max: NICKNAME_MAX_LENGTH })}
          </p>
          {nicknameMessage && (
            <p id="join-nickname-error" class="field__error">
              {nicknameMessage}
            </p>
          )}
        </div>
        <button class="button button--primary" type="submit" disabled={check.state === "checking"}>
          {check.state === "checking" ? t("join.joining") : t("join.submit")}
        </button>
        <p ref={answerBox} class="join-card__answer" role="status" aria-live="polite">
          {answer && <span class="notice notice--problem">{answerText(answer, t)}</span>}
        </p>
      </form>
      {held && (
        <div class="notice notice--info join-card__held">
          <p>{t("join.alreadyIn", { code, nickname: held.nickname })}</p>
          <a class="button button--secondary" href={playPath(code)} onClick={followLink}>
            {t("join.backToGame")}
          </a>
        </div>
      )}
    </section>
  );
}

type Translate = ReturnType<typeof useI18n>["t"];

/** P3: the shared rule names the problem (a message key); the count helps fix it. */
interface NicknameError {
  problem: NicknameProblem;
  count: number;
}

function codeProblemText(problem: JoinCodeProblem, t: Translate): string {
  switch (problem.problem) {
    case "missing":
      return t("join.error.codeMissing", { length: JOIN_CODE_LENGTH });
    case "length":
      return t("join.error.codeLength", { length: JOIN_CODE_LENGTH, count: problem.count });
    case "characters":
      return t("join.error.codeCharacters", {
        characters: problem.characters.map((text) => t("format.quoted", { text })).join(", "),
      });
  }
}

function nicknameProblemText({ problem, count }: NicknameError, t: Translate): string {
  return problem === "nickname.empty"
    ? t(problem)
    : t(problem, { max: NICKNAME_MAX_LENGTH, count });
}

function answerText(
  { answer, code, nickname }: Check & { state: "answered" },
  t: Translate,
): string {
  switch (answer.outcome) {
    case "session-not-found":
      return t("join.result.sessionNotFound", { code });
    case "invalid-code":
      return t("join.result.invalidCode", { code });
    case "nickname-taken":
      return t("join.result.nicknameTaken", { nickname });
    case "nickname-invalid":
      // The server holds the same shared rule; when it still disagrees, its limit is the length.
      return nicknameProblemText({ problem: "nickname.too-long", count: length(nickname) }, t);
    case "rate-limited":
      return t("join.result.rateLimited", { seconds: answer.seconds });
    case "server-error":
      return t("join.result.serverError", { status: answer.status });
    case "unreachable":
      return t("join.result.unreachable");
  }
}

function length(nickname: string): number {
  return [...nickname.trim()].length;
}

/** The student side's address for a session. */
export function playPath(code: string): string {
  return `/play/${encodeURIComponent(code)}`;
}

/** P3: nicknames compare without regard to case, as the server compares them. */
function sameName(a: string, b: string): boolean {
  return a.normalize("NFKC").toLowerCase() === b.normalize("NFKC").toLowerCase();
}
