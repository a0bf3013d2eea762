import type { ComponentChildren } from "preact";
import { useEffect, useState } from "preact/hooks";
import { ApiError } from "../auth/apiError.ts";
import type { Teacher } from "../auth/auth.ts";
import { TeacherBar } from "../auth/TeacherBar.tsx";
import { useTeacher } from "../auth/useAuth.ts";
import { useI18n } from "../i18n.tsx";
import { followLink } from "../router.ts";
import { SignInGate } from "../teach/SignInGate.tsx";
import { downloadReplay } from "../teach/sessionsApi.ts";
import { Page } from "../ui/Page.tsx";
import { type DownloadedFile, downloaded, REPLAY_EXTENSION } from "./files.ts";
import { ReplayViewer } from "./ReplayViewer.tsx";

/** Loading a replay file from the server: the file, or why not. */
type Fetched =
  | { state: "loading" }
  | { state: "loaded"; file: DownloadedFile }
  | { state: "missing" }
  | { state: "failed"; status: number | null };

function useFetched(load: (signal: AbortSignal) => Promise<DownloadedFile>, key: string): Fetched {
  const [fetched, setFetched] = useState<Fetched>({ state: "loading" });
  useEffect(() => {
    const abort = new AbortController();
    setFetched({ state: "loading" });
    load(abort.signal).then(
      (file) => setFetched({ state: "loaded", file }),
      (error: unknown) => {
        if (abort.signal.aborted) return;
        if (error instanceof ApiError && error.status === 404) setFetched({ state: "missing" });
        else
          setFetched({ state: "failed", status: error instanceof ApiError ? error.status : null });
      },
    );
    return () => abort.abort();
  }, [key]);
  return fetched;
}

function useReplayTitle(): void {
  const { t } = useI18n();
  useEffect(() => {
    document.title = `${t("replay.viewer.title")} · ${t("app.name")}`;
  }, [t]);
}

/** /teach/:sessionId/rounds/:n — a teacher replays one of their rounds. */
export function RoundReplayPage({ sessionId, round }: { sessionId: string; round: number }) {
  const auth = useTeacher();
  if (auth.status !== "signed-in") return <SignInGate state={auth} />;
  return <RoundReplay sessionId={sessionId} round={round} teacher={auth.teacher} />;
}

function RoundReplay({
  sessionId,
  round,
  teacher,
}: {
  sessionId: string;
  round: number;
  teacher: Teacher;
}) {
  const { t } = useI18n();
  useReplayTitle();
  const fetched = useFetched(
    (signal) => downloadReplay(sessionId, round, signal),
    `${sessionId}/${round}`,
  );
  const back = (
    <a
      class="back-link"
      href={`/teach/${encodeURIComponent(sessionId)}/rounds`}
      onClick={followLink}
    >
      {t("replay.rounds.consoleLink")}
    </a>
  );
  return (
    <Page class="page--replay" actions={<TeacherBar teacher={teacher} />}>
      {fetched.state === "loaded" ? (
        <ReplayViewer
          file={fetched.file}
          title={t("replay.viewer.roundTitle", { number: round })}
          actions={back}
        />
      ) : (
        <FetchMessage fetched={fetched} missing={t("replay.shared.notFound")} back={back} />
      )}
    </Page>
  );
}

/** /replay/s/:token — a shared round, for anyone with the link (P4: read-only, no sign-in). */
export function SharedReplayPage({ token }: { token: string }) {
  const { t } = useI18n();
  useReplayTitle();
  const fetched = useFetched(
    async (signal) =>
      downloaded(
        await fetch(`/api/replays/${encodeURIComponent(token)}`, { signal }),
        `shared${REPLAY_EXTENSION}`,
      ),
    token,
  );
  return (
    <Page class="page--replay">
      {fetched.state === "loaded" ? (
        <ReplayViewer file={fetched.file} title={t("replay.shared.title")} />
      ) : (
        <FetchMessage fetched={fetched} missing={t("replay.shared.notFound")} />
      )}
    </Page>
  );
}

function FetchMessage({
  fetched,
  missing,
  back,
}: {
  fetched: Exclude<Fetched, { state: "loaded" }>;
  missing: string;
  back?: ComponentChildren;
}) {
  const { t } = useI18n();
  return (
    <main class="message" aria-busy={fetched.state === "loading"}>
      {fetched.state === "loading" ? (
        <p>{t("replay.viewer.loading")}</p>
      ) : (
        <p class="notice notice--problem" role="alert">
          {fetched.state === "missing"
            ? missing
            : fetched.status === null
              ? t("auth.error.unreachable")
              : t("replay.fetchFailed", { status: fetched.status })}
        </p>
      )}
      {back}
    </main>
  );
}

/** /replay — any .quorum-replay file, opened by drag-and-drop or the file picker (P4). */
export function ReplayFilePage() {
  const { t } = useI18n();
  useReplayTitle();
  const [file, setFile] = useState<DownloadedFile | null>(null);
  const open = async (chosen: File | undefined) => {
    if (!chosen) return;
    setFile({ bytes: new Uint8Array(await chosen.arrayBuffer()), fileName: chosen.name });
  };
  // Once a replay is open, a file dropped anywhere on the page opens instead.
  useEffect(() => {
    if (!file) return;
    const over = (event: DragEvent) => event.preventDefault();
    const drop = (event: DragEvent) => {
      event.preventDefault();
      void open(event.dataTransfer?.files[0]);
    };
    document.addEventListener("dragover", over);
    document.addEventListener("drop", drop);
    return () => {
      document.removeEventListener("dragover", over);
      document.removeEventListener("drop", drop);
    };
  }, [file]);

  return (
    <Page class="page--replay">
      {file ? (
        <ReplayViewer
          file={file}
          title={file.fileName}
          actions={<FilePicker label={t("replay.file.another")} onFile={open} quiet />}
        />
      ) : (
        <main class="replay-open">
          <h1>{t("replay.file.title")}</h1>
          <p class="replay-open__intro">{t("replay.file.intro")}</p>
          <DropZone onFile={open} />
        </main>
      )}
    </Page>
  );
}

function DropZone({ onFile }: { onFile(file: File | undefined): void }) {
  const { t } = useI18n();
  const [over, setOver] = useState(false);
  return (
    <section
      class={`drop-zone${over ? " drop-zone--over" : ""}`}
      data-testid="drop-zone"
      aria-label={t("replay.file.drop")}
      onDragEnter={(event) => {
        event.preventDefault();
        setOver(true);
      }}
      onDragOver={(event) => {
        event.preventDefault();
        if (event.dataTransfer) event.dataTransfer.dropEffect = "copy";
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(event) => {
        event.preventDefault();
        setOver(false);
        onFile(event.dataTransfer?.files[0]);
      }}
    >
      <span class="drop-zone__icon" aria-hidden="true">
        ⇩
      </span>
      <p class="drop-zone__text">{t("replay.file.drop")}</p>
      <p class="drop-zone__or">{t("replay.file.or")}</p>
      <FilePicker label={t("replay.file.choose")} onFile={onFile} />
    </section>
  );
}

/** A real file input behind a button-looking label (P7: a labelled DOM control). */
function FilePicker({
  label,
  onFile,
  quiet = false,
}: {
  label: string;
  onFile(file: File | undefined): void;
  quiet?: boolean;
}) {
  return (
    <label class={`button ${quiet ? "button--secondary" : "button--primary"} file-picker`}>
      <input
        type="file"
        class="visually-hidden"
        accept={`${REPLAY_EXTENSION},application/octet-stream,application/gzip`}
        onChange={(event) => {
          onFile(event.currentTarget.files?.[0]);
          // The same file chosen again is a change too.
          event.currentTarget.value = "";
        }}
      />
      {label}
    </label>
  );
}
