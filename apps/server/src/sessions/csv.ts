import type { Player, StoredRound } from "../store/types.ts";

/** A CSV cell: text is escaped and guarded, a number is written as it is, null as empty. */
type Cell = string | number | null;

/**
 * A cell of text as spreadsheets must not misread it: quoted when it holds a separator, a quote
 * or a line break (RFC 4180), and prefixed with ' when it starts like a formula (= + - @, or a
 * tab or carriage return before one), so that a nickname such as `=HYPERLINK(…)` stays text.
 */
export function csvText(text: string): string {
  const guarded = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(guarded) ? `"${guarded.replaceAll('"', '""')}"` : guarded;
}

function csvCell(cell: Cell): string {
  if (cell === null) return "";
  return typeof cell === "number" ? String(cell) : csvText(cell);
}

/** Lines end in CRLF (RFC 4180); a byte order mark lets spreadsheet programs read UTF-8. */
export function toCsv(rows: readonly (readonly Cell[])[]): string {
  return `\uFEFF${rows.map((row) => row.map(csvCell).join(",")).join("\r\n")}\r\n`;
}

const iso = (time: number | null) => (time === null ? null : new Date(time).toISOString());

/**
 * A session's results: one row per student who ever joined (removed ones too), one column per
 * finished round with the score of the node the student held at its end, and the total.
 */
export function resultsCsv(players: readonly Player[], rounds: readonly StoredRound[]): string {
  const finished = rounds.filter((round) => round.status === "finished");
  const header = [
    "nickname",
    "joined",
    "removed",
    ...finished.map((round) => `round ${round.number} (${round.mode})`),
    "total",
  ];
  const rows = players.map((player) => {
    const scores = finished.map(
      (round) => round.players.find((seat) => seat.playerId === player.id)?.score ?? null,
    );
    const total = scores.reduce<number>((sum, score) => sum + (score ?? 0), 0);
    return [player.nickname, iso(player.createdAt), iso(player.removedAt), ...scores, total];
  });
  return toCsv([header, ...rows]);
}
