import { describe, expect, it } from "vitest";

/**
 * D1: the engine is pure — no clocks, no ambient randomness, no I/O, no host objects — so that it
 * runs unchanged, and identically, in Node and in the browser. This scans its source for the ways
 * that purity is usually lost.
 */

/** Called or read in code (comments and string contents do not count). */
const FORBIDDEN_CODE: [RegExp, string][] = [
  [/\bMath\s*\.\s*random\b/, "Math.random"],
  [/\bDate\s*\.\s*now\b/, "Date.now"],
  [/\bnew\s+Date\b/, "new Date"],
  [/\bperformance\s*\.\s*now\b/, "performance.now"],
  [/\bsetTimeout\b/, "setTimeout"],
  [/\bsetInterval\b/, "setInterval"],
  [/\bsetImmediate\b/, "setImmediate"],
  [/\bcrypto\s*\.\s*(getRandomValues|randomUUID)\b/, "crypto randomness"],
  // Not a property (`x.window`) nor an object key (`{ window: 1 }`).
  [/(?<![.\w$])window\b(?!\s*:)/, "window"],
  [/(?<![.\w$])document\b(?!\s*:)/, "document"],
  [/(?<![.\w$])process\s*\./, "process."],
];

const NODE_BUILTINS =
  "assert|buffer|child_process|cluster|crypto|dgram|dns|events|fs|fs/promises|http|http2|https|net|os|path|perf_hooks|readline|stream|timers|tls|url|util|v8|vm|worker_threads|zlib";
/** Modules the engine must not import: Node's, the server's and the client's. */
const FORBIDDEN_MODULE = new RegExp(
  `^(node:.*|@colyseus/.*|colyseus(/.*)?|express(/.*)?|phaser(/.*)?|(${NODE_BUILTINS}))$`,
);
const MODULE_SPECIFIER =
  /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+|\brequire\s*\(\s*)(["'])([^"']+)\1/g;

/**
 * Blanks comments (always) and the contents of string and template literals (when `strings`),
 * keeping every newline so that line numbers stay right.
 */
function blank(source: string, strings: boolean): string {
  let out = "";
  let i = 0;
  const templateDepth: number[] = []; // brace depth at which each open `${` returns to a template
  let braces = 0;
  const keep = (text: string) => {
    out += text;
  };
  const hide = (text: string) => {
    out += text.replace(/[^\n]/g, " ");
  };
  const stringBody = (quote: string) => {
    // From just after the opening quote to the closing one (or, in a template, a `${`).
    let j = i;
    while (j < source.length) {
      const c = source[j]!;
      if (c === "\\") j += 2;
      else if (c === quote) break;
      else if (quote === "`" && c === "$" && source[j + 1] === "{") break;
      else if (quote !== "`" && c === "\n") break;
      else j++;
    }
    const body = source.slice(i, j);
    if (strings) hide(body);
    else keep(body);
    i = j;
  };
  while (i < source.length) {
    const c = source[i]!;
    const next = source[i + 1];
    if (c === "/" && next === "/") {
      const end = source.indexOf("\n", i);
      const stop = end < 0 ? source.length : end;
      hide(source.slice(i, stop));
      i = stop;
    } else if (c === "/" && next === "*") {
      const end = source.indexOf("*/", i + 2);
      const stop = end < 0 ? source.length : end + 2;
      hide(source.slice(i, stop));
      i = stop;
    } else if (c === '"' || c === "'" || c === "`") {
      keep(c);
      i++;
      stringBody(c);
      if (source[i] === "$") {
        keep("${");
        i += 2;
        templateDepth.push(braces);
      } else if (i < source.length) {
        keep(source[i]!);
        i++;
      }
    } else if (c === "{") {
      braces++;
      keep(c);
      i++;
    } else if (c === "}" && templateDepth.length > 0 && templateDepth.at(-1) === braces) {
      // The end of a `${…}`: back into the template's text.
      templateDepth.pop();
      keep(c);
      i++;
      stringBody("`");
      if (source[i] === "$") {
        keep("${");
        i += 2;
        templateDepth.push(braces);
      } else if (i < source.length) {
        keep(source[i]!);
        i++;
      }
    } else {
      if (c === "}") braces--;
      keep(c);
      i++;
    }
  }
  return out;
}

/** Every impurity in one file's source, as "line: what". */
function impurities(source: string): string[] {
  const found: string[] = [];
  const code = blank(source, true).split("\n");
  code.forEach((line, index) => {
    for (const [pattern, name] of FORBIDDEN_CODE) {
      if (pattern.test(line)) found.push(`${index + 1}: ${name}`);
    }
  });
  const withStrings = blank(source, false);
  for (const match of withStrings.matchAll(MODULE_SPECIFIER)) {
    const specifier = match[2]!;
    if (!FORBIDDEN_MODULE.test(specifier)) continue;
    const line = withStrings.slice(0, match.index).split("\n").length;
    found.push(`${line}: import "${specifier}"`);
  }
  return found;
}

// This package is type-checked without Node's types, so that engine code cannot lean on them; the
// test reaches the file system through untyped dynamic imports, typed here by the little it uses.
const fs = (await import(/* @vite-ignore */ `node:${"fs"}`)) as {
  readdirSync(dir: string, options: { recursive: true; encoding: "utf8" }): string[];
  readFileSync(file: string, encoding: "utf8"): string;
};
const { fileURLToPath } = (await import(/* @vite-ignore */ `node:${"url"}`)) as {
  fileURLToPath(url: string): string;
};
const here = fileURLToPath((import.meta as unknown as { url: string }).url);
const SRC = here.slice(0, Math.max(here.lastIndexOf("/"), here.lastIndexOf("\\")) + 1);

/** Every engine source file, relative to `src/`: all `.ts` files but the tests. */
function engineFiles(): string[] {
  return fs
    .readdirSync(SRC, { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith(".ts") && !file.endsWith(".test.ts"))
    .sort();
}

describe("D1 purity", () => {
  it("D1: the scanner finds each impurity in code, with its line, and ignores comments and strings", () => {
    const sample = [
      'import { readFileSync } from "node:fs";',
      "// Math.random() in a comment is fine, and so is Date.now()",
      'const note = "setTimeout, window and document in a string are fine";',
      "const roll = Math.random();",
      "const now = Date.now() + performance.now();",
      "const when = new Date(0);",
      "/* process.env */ const env = process.env.HOME;",
      // biome-ignore lint/suspicious/noTemplateCurlyInString: source code for the scanner to read
      "const text = `${window.innerWidth} wide, ${`${document.title}`}`;",
      'const later = setTimeout(() => {}, 1); import("express"); import Phaser from "phaser";',
      'export * from "@colyseus/schema"; const p = require("fs");',
      "const room = { window: 1 }.window; const o = { process: 2 }.process;",
      "setInterval(tick, 100); const id = crypto.randomUUID();",
    ].join("\n");
    expect(impurities(sample)).toEqual([
      "4: Math.random",
      "5: Date.now",
      "5: performance.now",
      "6: new Date",
      "7: process.",
      "8: window",
      "8: document",
      "9: setTimeout",
      "12: setInterval",
      "12: crypto randomness",
      '1: import "node:fs"',
      '9: import "express"',
      '9: import "phaser"',
      '10: import "@colyseus/schema"',
      '10: import "fs"',
    ]);
  });

  it("D1: no engine file uses a clock, ambient randomness, timers, host globals or I/O modules", () => {
    const files = engineFiles();
    expect(files.length).toBeGreaterThan(20);
    expect(files).toContain("rng.ts");
    const found = files.flatMap((file) =>
      impurities(fs.readFileSync(SRC + file, "utf8")).map((entry) => {
        const [line, what] = entry.split(/: (.*)/);
        return `${file}:${line} ${what}`;
      }),
    );
    expect(found, found.join("\n")).toEqual([]);
  });
});
