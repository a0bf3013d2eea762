import type { Enforcement, SafetyViolation } from "@quorum/shared";
import { useI18n } from "../../i18n.tsx";
import { secondsOf } from "./lessons.ts";

interface Props {
  violations: readonly SafetyViolation[];
  enforcement: Enforcement;
  /** A node as people read it ("3 · Ada"). */
  nodeName(node: number): string;
  /** How many to list (the newest); all by default. */
  limit?: number;
}

/**
 * E7: the safety checker's findings, each pinpointed — which guarantee broke, in which cluster
 * and term, at which entry, between which servers and when. Under strict enforcement none can
 * happen, and the list says why.
 */
export function Violations({ violations, enforcement, nodeName, limit }: Props) {
  const words = useI18n();
  const { t } = words;
  const shown = limit === undefined ? violations : violations.slice(-limit);
  return (
    <section
      class={`violations violations--${violations.length > 0 ? "found" : "none"}`}
      aria-labelledby="violations-title"
      data-violations={violations.length}
    >
      <h3 id="violations-title">{t("teach.election.violations.title")}</h3>
      {violations.length === 0 ? (
        <p class="violations__none">
          {enforcement === "strict"
            ? t("teach.election.violations.strict")
            : t("teach.election.violations.none")}
        </p>
      ) : (
        <ul class="violations__list">
          {shown.map((violation) => (
            <li
              key={`${violation.property}-${violation.cluster}-${violation.term}-${violation.index}`}
            >
              <strong>
                <span aria-hidden="true">⚠ </span>
                {t(`election.violation.${violation.property}`)}
              </strong>
              <span>
                {t(
                  violation.index === null
                    ? "teach.election.violations.where"
                    : "teach.election.violations.whereEntry",
                  {
                    cluster: violation.cluster + 1,
                    term: violation.term,
                    index: violation.index ?? 0,
                    nodes: violation.nodes.map((node) => nodeName(node)).join(", "),
                    time: secondsOf(violation.tick, words, 1),
                  },
                )}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
