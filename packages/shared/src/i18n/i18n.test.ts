import { describe, expect, it } from "vitest";
import { de } from "./de.ts";
import { en } from "./en.ts";
import { detectLanguage, explainRejection, LANGUAGES, type MessageKey, t } from "./index.ts";

const placeholders = (message: string) =>
  [...message.matchAll(/\{([\w-]+)\}/g)].map((m) => m[1]).sort();

describe("i18n", () => {
  it("P7: t fills {name} placeholders in the chosen language", () => {
    expect(t("en", "join.result.sessionNotFound", { code: "ABC234" })).toBe(
      "No class is running with code ABC234 — check the code on the projector.",
    );
    expect(t("de", "join.result.sessionNotFound", { code: "ABC234" })).toBe(
      "Mit dem Code ABC234 läuft gerade kein Spiel – prüf bitte den Code am Beamer.",
    );
    expect(t("en", "host.stats", { nodes: 12, links: 18, degree: "3.0" })).toBe(
      "12 nodes · 18 links · 3.0 links per node on average",
    );
  });

  it("P7: a message without placeholders is returned as written", () => {
    expect(t("de", "join.title")).toBe("Mitspielen");
  });

  it("P7: every German message is written and uses the same placeholders as the English one", () => {
    for (const key of Object.keys(en) as MessageKey[]) {
      expect(de[key].trim(), key).not.toBe("");
      expect(placeholders(de[key]), key).toEqual(placeholders(en[key]));
    }
  });

  it("P7: the browser's first supported language wins, matched on its primary subtag", () => {
    expect(detectLanguage(["de-AT", "en-US"])).toBe("de");
    expect(detectLanguage(["fr-FR", "en-GB", "de"])).toBe("en");
    expect(detectLanguage(["DE_ch"])).toBe("de");
    expect(detectLanguage(["fr", "it"])).toBe("en");
    expect(detectLanguage([])).toBe("en");
    expect(LANGUAGES).toEqual(["en", "de"]);
  });
});

describe("explainRejection", () => {
  it("D3: a rejection reads as a sentence in the player's language, with its rule ID", () => {
    const rejection = { rule: "R2", code: "routing.not-a-neighbour", params: { to: 4 } } as const;
    expect(explainRejection("en", rejection)).toBe(
      "5 is not your neighbour: you can only send over your own links. (R2)",
    );
    expect(explainRejection("de", rejection, (node) => (node === 4 ? "Ada" : "?"))).toBe(
      "Ada ist nicht dein Nachbar: Du kannst nur über deine eigenen Leitungen senden. (R2)",
    );
    expect(explainRejection("en", { rule: "R5", code: "routing.already-handled" })).toBe(
      "You already sent that packet on its way. (R5)",
    );
  });
});
