import type { Fault } from "@quorum/shared";
import { TICKS_PER_SECOND } from "@quorum/shared/engine/time";
import type { HostCommand } from "@quorum/shared/platform/protocol";
import { useState } from "preact/hooks";
import { useI18n } from "../i18n.tsx";
import { groupLetter } from "../network/live.ts";

/** What a click on the drawing does (N7). */
export type PickMode = "fault" | "group-1" | "group-2";

export interface FaultDraft {
  mode: PickMode;
  node: number | null;
  link: number | null;
  /** Node → partition group (1 = A, 2 = B) of the partition being drawn. */
  groups: ReadonlyMap<number, number>;
}

/** What the faults act on: any mode's host view has these nodes and links (N7 is generic). */
export interface FaultTargets {
  nodes: readonly { node: number; name: string; up: boolean }[];
  links: readonly {
    link: number;
    a: number;
    b: number;
    up: boolean;
    loss: number;
    latency: number;
  }[];
}

interface Props {
  round: FaultTargets;
  draft: FaultDraft;
  onDraft(draft: FaultDraft): void;
  send(command: HostCommand): void;
  /** Routing's traffic burst (a mode action); other modes have none. @default true */
  burst?: boolean;
}

/** N7: every fault the teacher can inject, as labelled DOM controls (P7). */
export function FaultPanel({ round, draft, onDraft, send, burst: canBurst = true }: Props) {
  const { t, number } = useI18n();
  const fault = (value: Fault) => send({ type: "fault", fault: value });
  const [loss, setLoss] = useState(0);
  const [latency, setLatency] = useState(10);
  const [burst, setBurst] = useState(10);
  // N7 "per link and global": loss and latency go to every link unless one link is chosen for them.
  const [scope, setScope] = useState<"every" | "chosen">("every");
  const nodeName = (node: number) => nodeLabel(round, node);
  const node = draft.node === null ? null : round.nodes[draft.node];
  const link = draft.link === null ? null : round.links[draft.link];
  const target = scope === "chosen" && link ? link.link : null;
  const inGroup = (group: number) =>
    [...draft.groups].filter(([, g]) => g === group).map(([n]) => n);
  const groupA = inGroup(1);
  const groupB = inGroup(2);

  return (
    <section class="card faults" aria-labelledby="faults-title">
      <h2 id="faults-title">{t("teach.faults.title")}</h2>

      <fieldset class="choice choice--compact">
        <legend>{t("teach.faults.clickDoes")}</legend>
        {(["fault", "group-1", "group-2"] as const).map((mode) => (
          <label key={mode} class="choice__option">
            <input
              type="radio"
              name="pick-mode"
              checked={draft.mode === mode}
              onChange={() => onDraft({ ...draft, mode })}
            />
            <span>
              {mode === "fault"
                ? t("teach.faults.clickFault")
                : t("teach.faults.clickGroup", { group: groupLetter(mode === "group-1" ? 1 : 2) })}
            </span>
          </label>
        ))}
      </fieldset>

      <div class="field">
        <label for="fault-node">{t("teach.faults.node")}</label>
        <div class="field__row">
          <select
            id="fault-node"
            class="input"
            value={draft.node ?? ""}
            onChange={(event) => {
              const value = event.currentTarget.value;
              onDraft({ ...draft, node: value === "" ? null : Number(value) });
            }}
          >
            <option value="">{t("teach.faults.chooseNode")}</option>
            {round.nodes.map((entry) => (
              <option key={entry.node} value={entry.node}>
                {nodeName(entry.node)} {entry.up ? "" : `— ${t("teach.faults.down")}`}
              </option>
            ))}
          </select>
          <button
            type="button"
            class={`button ${node?.up === false ? "button--secondary" : "button--danger"}`}
            disabled={!node}
            onClick={() => node && fault({ type: node.up ? "crash" : "restart", node: node.node })}
          >
            {node?.up === false ? t("teach.faults.restart") : t("teach.faults.crash")}
          </button>
        </div>
      </div>

      <div class="field">
        <label for="fault-link">{t("teach.faults.link")}</label>
        <div class="field__row">
          <select
            id="fault-link"
            class="input"
            value={draft.link ?? ""}
            onChange={(event) => {
              const value = event.currentTarget.value;
              onDraft({ ...draft, link: value === "" ? null : Number(value) });
            }}
          >
            <option value="">{t("teach.faults.chooseLink")}</option>
            {round.links.map((entry) => (
              <option key={entry.link} value={entry.link}>
                {nodeName(entry.a)} ↔ {nodeName(entry.b)}{" "}
                {entry.up ? "" : `— ${t("teach.faults.cut")}`}
              </option>
            ))}
          </select>
          <button
            type="button"
            class={`button ${link?.up === false ? "button--secondary" : "button--danger"}`}
            disabled={!link}
            onClick={() => link && fault({ type: link.up ? "cut" : "heal-link", link: link.link })}
          >
            {link?.up === false ? t("teach.faults.healLink") : t("teach.faults.cutLink")}
          </button>
        </div>
      </div>

      <fieldset class="conditions">
        <legend>{t("teach.faults.conditions")}</legend>
        <div
          class="choice choice--compact"
          role="radiogroup"
          aria-label={t("teach.faults.appliesTo")}
        >
          <label class="choice__option">
            <input
              type="radio"
              name="condition-scope"
              checked={target === null}
              onChange={() => setScope("every")}
            />
            <span>{t("teach.faults.everyLink")}</span>
          </label>
          <label class="choice__option">
            <input
              type="radio"
              name="condition-scope"
              checked={target !== null}
              disabled={!link}
              onChange={() => setScope("chosen")}
            />
            <span>
              {link
                ? t("teach.faults.chosenLink", {
                    link: `${nodeName(link.a)} ↔ ${nodeName(link.b)}`,
                    loss: t("teach.percent", { value: number(link.loss * 100) }),
                    latency: t("teach.seconds", {
                      value: number(link.latency / TICKS_PER_SECOND, 1),
                    }),
                  })
                : t("teach.faults.noLinkChosen")}
            </span>
          </label>
        </div>

        <div class="field">
          <label for="fault-loss">
            {t("teach.faults.loss")}:{" "}
            <output for="fault-loss">{t("teach.percent", { value: loss })}</output>
          </label>
          <div class="field__row">
            <input
              id="fault-loss"
              class="range"
              type="range"
              min={0}
              max={100}
              step={5}
              value={loss}
              onInput={(event) => setLoss(Number(event.currentTarget.value))}
            />
            <button
              type="button"
              class="button button--secondary"
              onClick={() => fault({ type: "set-loss", link: target, loss: loss / 100 })}
            >
              {t("teach.faults.apply")}
            </button>
          </div>
        </div>

        <div class="field">
          <label for="fault-latency">
            {t("teach.faults.latency")}:{" "}
            <output for="fault-latency">
              {t("teach.seconds", { value: number(latency / TICKS_PER_SECOND, 1) })}
            </output>
          </label>
          <div class="field__row">
            <input
              id="fault-latency"
              class="range"
              type="range"
              min={1}
              max={50}
              step={1}
              value={latency}
              onInput={(event) => setLatency(Number(event.currentTarget.value))}
            />
            <button
              type="button"
              class="button button--secondary"
              onClick={() =>
                fault({
                  type: "set-latency",
                  link: target,
                  latency,
                  jitter: Math.round(latency / 4),
                })
              }
            >
              {t("teach.faults.apply")}
            </button>
          </div>
        </div>
      </fieldset>

      <fieldset class="partition">
        <legend>{t("teach.faults.partition")}</legend>
        <p class="field__hint">{t("teach.faults.partitionHint")}</p>
        <div class="partition__nodes">
          {round.nodes.map((entry) => {
            const group = draft.groups.get(entry.node) ?? 0;
            const next = (group + 1) % 3;
            return (
              <button
                key={entry.node}
                type="button"
                class={`partition__node partition__node--${group}`}
                aria-label={t("teach.faults.partitionNode", {
                  node: nodeName(entry.node),
                  group:
                    group === 0
                      ? t("teach.faults.noGroup")
                      : t("teach.faults.inGroup", { group: groupLetter(group) }),
                })}
                onClick={() =>
                  onDraft({ ...draft, groups: withGroup(draft.groups, entry.node, next) })
                }
              >
                <span>{entry.node + 1}</span>
                <span class="partition__letter">{group === 0 ? "–" : groupLetter(group)}</span>
              </button>
            );
          })}
        </div>
        <p class="partition__summary">
          {t("teach.faults.partitionSummary", { a: groupA.length, b: groupB.length })}
        </p>
        <div class="field__row">
          <button
            type="button"
            class="button button--danger"
            disabled={groupA.length === 0 || groupB.length === 0}
            onClick={() => {
              fault({ type: "partition", groups: [groupA, groupB] });
              onDraft({ ...draft, groups: new Map(), mode: "fault" });
            }}
          >
            {t("teach.faults.applyPartition")}
          </button>
          <button
            type="button"
            class="button button--secondary"
            disabled={draft.groups.size === 0}
            onClick={() => onDraft({ ...draft, groups: new Map() })}
          >
            {t("teach.faults.clearPartition")}
          </button>
        </div>
      </fieldset>

      {canBurst && (
        <div class="field">
          <label for="fault-burst">{t("teach.faults.burst")}</label>
          <div class="field__row">
            <select
              id="fault-burst"
              class="input"
              value={burst}
              onChange={(event) => setBurst(Number(event.currentTarget.value))}
            >
              {[5, 10, 20, 50].map((count) => (
                <option key={count} value={count}>
                  {t("teach.faults.burstCount", { count })}
                </option>
              ))}
            </select>
            <button
              type="button"
              class="button button--secondary"
              onClick={() => send({ type: "mode", action: { type: "burst", count: burst } })}
            >
              {t("teach.faults.sendBurst")}
            </button>
          </div>
        </div>
      )}

      <button
        type="button"
        class="button button--good"
        onClick={() => {
          fault({ type: "heal-all" });
          setLoss(0);
          onDraft({ ...draft, groups: new Map() });
        }}
      >
        ✓ {t("teach.faults.healAll")}
      </button>
    </section>
  );
}

export function withGroup(
  groups: ReadonlyMap<number, number>,
  node: number,
  group: number,
): Map<number, number> {
  const next = new Map(groups);
  if (group === 0) next.delete(node);
  else next.set(node, group);
  return next;
}

/** "3 · Ada": the number drawn on the node and the name of who plays it. */
export function nodeLabel(round: Pick<FaultTargets, "nodes">, node: number): string {
  const name = round.nodes[node]?.name;
  return name && name !== String(node + 1) ? `${node + 1} · ${name}` : String(node + 1);
}
