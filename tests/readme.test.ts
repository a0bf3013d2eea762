import { readFileSync } from "node:fs";
import { configVariables } from "@quorum/server/config";
import { describe, expect, it } from "vitest";

const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
const rootPackage = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));

describe("README", () => {
  it("documents every configuration variable with its real default", () => {
    for (const variable of configVariables) {
      const row = readme.split("\n").find((line) => line.startsWith(`| \`${variable.name}\` |`));
      expect(row, `README lacks a row for ${variable.name}`).toBeDefined();
      if (variable.default !== undefined) expect(row).toContain(`\`${variable.default}\``);
    }
  });

  it("gives the two commands, and they are scripts that exist", () => {
    expect(readme).toContain("corepack enable && pnpm install && pnpm start");
    expect(readme).toContain("pnpm test");
    expect(rootPackage.scripts.start).toBeTruthy();
    expect(rootPackage.scripts.test).toContain("test:e2e");
  });
});
