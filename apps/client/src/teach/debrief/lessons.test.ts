import { t } from "@quorum/shared/i18n/index";
import { describe, expect, it } from "vitest";
import type { RoundSummaryView } from "../classroom.ts";
import { dropsLesson, latencyLesson, timelineLesson, type Words } from "./lessons.ts";
import { debriefOf, english, latency } from "./testing.ts";

const ends = debriefOf().ends;

const timeline = (delivered: number[], lost: number[], fields = {}) =>
  debriefOf({
    ticks: delivered.length * 50,
    timeline: { bucketTicks: 50, delivered, lost },
    ...fields,
  });

describe("§6: one sentence per chart, chosen from the round", () => {
  it("R9: latency — slower than the bot, else a long tail, else latency is not zero", () => {
    const bot = debriefOf({ latency: latency(15, 30, [1, 2, 1]) });
    const lesson = (p50: number, p95: number) =>
      latencyLesson(
        { class: debriefOf({ latency: latency(p50, p95, [1]) }), baseline: bot },
        english,
      );
    expect(lesson(24, 59)).toBe(
      "The class's slowest packets took 2.9 s longer than the bot's: detours and queues add time.",
    );
    expect(lesson(10, 35)).toBe(
      "The slowest packets took 3.5× as long as a typical one: queues and detours make latency vary.",
    );
    expect(lesson(20, 30)).toBe(
      "Latency is not zero: every hop and every wait in a queue adds time.",
    );
    expect(latencyLesson({ class: debriefOf(), baseline: bot }, english)).toBe(
      "No packet was delivered.",
    );
  });

  it("N6: drops — the cause that lost the class the most, and what it says", () => {
    const summary = (fields: Partial<typeof ends>): RoundSummaryView => ({
      class: debriefOf({ ends: { ...ends, ...fields } }),
      baseline: debriefOf({ ends: { ...ends, loss: 40 } }),
    });
    expect(dropsLesson(summary({ "queue-full": 16, discard: 15 }), english)).toBe(
      "16 packets found no buffer space: a full inbox drops what arrives, because bandwidth is not infinite.",
    );
    expect(dropsLesson(summary({ "link-down": 3 }), english)).toBe(
      "3 packets were lost on cut links: the topology does change.",
    );
    // The bot's losses are in the chart; the sentence is about the class.
    expect(dropsLesson(summary({}), english)).toBe("Not a single packet was lost.");
  });

  it("R9: the timeline — a moment of heavy loss is the story, with its time", () => {
    const summary = {
      class: timeline([4, 4, 1, 4, 4], [0, 1, 9, 0, 1]),
      baseline: timeline([5, 5, 5, 5, 5], [0, 0, 0, 0, 0]),
    };
    expect(timelineLesson(summary, english)).toBe(
      "Most packets were lost between 10 and 15 s: when the network changes, routes must adapt.",
    );
    // A lossy network loses some every few seconds: no moment stands out.
    const lossy = { class: timeline([6, 5, 6, 5, 6, 5], [4, 5, 6, 9, 5, 4]), baseline: null };
    expect(timelineLesson(lossy, english)).toMatch(/^The class delivered/);
  });

  it("R9: the timeline — else the class's share delivered got better or worse between the halves", () => {
    const better = { class: timeline([2, 3, 8, 9], [5, 4, 1, 1]), baseline: null };
    expect(timelineLesson(better, english)).toBe(
      "The class got better: 36 % of the packets arrived in the first half of the round, 89 % in the second — the routers learned the network.",
    );
    const worse = { class: timeline([8, 9, 2, 3], [1, 1, 4, 3]), baseline: null };
    expect(timelineLesson(worse, english)).toBe(
      "89 % of the packets arrived in the first half of the round, only 42 % in the second: full queues and faults pile up.",
    );
  });

  it("R9: the timeline — else the pace, beside the bot's", () => {
    const steady = timeline([5, 5, 5, 5], [1, 1, 1, 1], { delivered: 20 });
    expect(timelineLesson({ class: steady, baseline: debriefOf({ delivered: 40 }) }, english)).toBe(
      "The class delivered 1.0 packets a second, the bot 2.0: shorter routes carry more traffic through the same network.",
    );
    expect(timelineLesson({ class: steady, baseline: debriefOf({ delivered: 21 }) }, english)).toBe(
      "The class delivered 1.0 packets a second, the bot 1.1: the class's routes kept up with the traffic.",
    );
    expect(timelineLesson({ class: steady, baseline: null }, english)).toBe(
      "The class delivered 1.0 packets a second.",
    );
  });

  it("P7: the sentences read in German too", () => {
    const german: Words = {
      t: (key, ...params) => t("de", key, ...params),
      number: (value, digits = 0) =>
        new Intl.NumberFormat("de", {
          minimumFractionDigits: digits,
          maximumFractionDigits: digits,
        }).format(value),
    };
    const summary = {
      class: debriefOf({ ends: { ...ends, ttl: 7 } }),
      baseline: null,
    };
    expect(dropsLesson(summary, german)).toBe(
      "7 Paketen gingen die Hops aus (TTL): Das Hop-Limit stoppt Pakete, die im Kreis laufen.",
    );
  });
});
