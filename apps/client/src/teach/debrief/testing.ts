/**
 * Fixtures for the debrief's unit tests. Imported by `*.test.ts` files only; nothing the app
 * runs depends on it.
 */
import type { RoutingDebrief } from "@quorum/shared";
import { t } from "@quorum/shared/i18n/index";
import type { Words } from "./lessons.ts";

/** A round's debrief with nothing in it but what a test sets. */
export function debriefOf(fields: Partial<RoutingDebrief> = {}): RoutingDebrief {
  return {
    ticks: 100,
    generated: 0,
    delivered: 0,
    deliveryRate: 0,
    latency: null,
    ends: {
      loss: 0,
      ttl: 0,
      "queue-full": 0,
      "link-down": 0,
      "node-down": 0,
      partition: 0,
      discard: 0,
      duplicate: 0,
    },
    stretch: null,
    hottestLinks: [],
    floods: null,
    topRouters: [],
    retransmits: 0,
    timeline: { bucketTicks: 50, delivered: [0, 0], lost: [0, 0] },
    ...fields,
  };
}

export const english: Words = {
  t: (key, ...params) => t("en", key, ...params),
  number: (value, fractionDigits = 0) =>
    new Intl.NumberFormat("en", {
      minimumFractionDigits: fractionDigits,
      maximumFractionDigits: fractionDigits,
    }).format(value),
};

/** A latency summary in ticks, as the engine writes it. */
export const latency = (p50: number, p95: number, histogram: number[]) => ({
  p50,
  p95,
  max: p95,
  mean: p50,
  histogram,
});
