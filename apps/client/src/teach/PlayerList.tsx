import { NICKNAME_MAX_LENGTH, normaliseNickname } from "@quorum/shared/platform/join";
import { useState } from "preact/hooks";
import { useI18n } from "../i18n.tsx";
import type { PlayerInfo } from "./classroom.ts";

interface Props {
  players: PlayerInfo[];
  rename(player: string, nickname: string): void;
  remove(player: string): void;
}

/** P3: who has joined, live; the teacher can rename or remove anyone. */
export function PlayerList({ players, rename, remove }: Props) {
  const { t } = useI18n();
  const [editing, setEditing] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  return (
    <section class="card players" aria-labelledby="players-title">
      <h2 id="players-title">
        {t("teach.players.title")} <span class="players__count">{players.length}</span>
      </h2>
      {players.length === 0 ? (
        <p class="players__empty">{t("teach.players.none")}</p>
      ) : (
        <ul class="players__list" aria-live="polite">
          {players.map((player) => (
            <li key={player.id} class="players__item">
              {editing === player.id ? (
                <RenameForm
                  player={player}
                  onDone={(nickname) => {
                    if (nickname !== null) rename(player.id, nickname);
                    setEditing(null);
                  }}
                />
              ) : (
                <>
                  <span class="players__name">
                    {player.nickname}
                    {!player.connected && (
                      <span class="players__away"> · {t("teach.players.away")}</span>
                    )}
                  </span>
                  {confirming === player.id ? (
                    <span class="players__actions">
                      <button
                        type="button"
                        class="button button--danger button--small"
                        onClick={() => {
                          remove(player.id);
                          setConfirming(null);
                        }}
                      >
                        {t("teach.players.confirmRemove", { name: player.nickname })}
                      </button>
                      <button
                        type="button"
                        class="button button--secondary button--small"
                        onClick={() => setConfirming(null)}
                      >
                        {t("teach.cancel")}
                      </button>
                    </span>
                  ) : (
                    <span class="players__actions">
                      <button
                        type="button"
                        class="button button--secondary button--small"
                        aria-label={t("teach.players.renameNamed", { name: player.nickname })}
                        onClick={() => setEditing(player.id)}
                      >
                        {t("teach.players.rename")}
                      </button>
                      <button
                        type="button"
                        class="button button--secondary button--small"
                        aria-label={t("teach.players.removeNamed", { name: player.nickname })}
                        onClick={() => setConfirming(player.id)}
                      >
                        {t("teach.players.remove")}
                      </button>
                    </span>
                  )}
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function RenameForm({
  player,
  onDone,
}: {
  player: PlayerInfo;
  onDone(nickname: string | null): void;
}) {
  const { t } = useI18n();
  const [value, setValue] = useState(player.nickname);
  const checked = normaliseNickname(value);
  const problem = checked.ok ? null : checked.problem;
  const id = `rename-${player.id}`;
  return (
    <form
      class="rename"
      onSubmit={(event) => {
        event.preventDefault();
        if (checked.ok) onDone(checked.nickname);
      }}
    >
      <label for={id} class="visually-hidden">
        {t("teach.players.newName", { name: player.nickname })}
      </label>
      <input
        id={id}
        class="input"
        value={value}
        maxLength={NICKNAME_MAX_LENGTH * 2}
        // biome-ignore lint/a11y/noAutofocus: the teacher just asked to edit this name.
        autoFocus
        aria-invalid={problem ? "true" : undefined}
        onInput={(event) => setValue(event.currentTarget.value)}
        onKeyDown={(event) => {
          if (event.key === "Escape") onDone(null);
        }}
      />
      <button
        type="submit"
        class="button button--primary button--small"
        disabled={problem !== null}
      >
        {t("teach.save")}
      </button>
      <button
        type="button"
        class="button button--secondary button--small"
        onClick={() => onDone(null)}
      >
        {t("teach.cancel")}
      </button>
    </form>
  );
}
