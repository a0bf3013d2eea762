import * as crypto from "node:crypto";
import * as v from "valibot";
import { afterEach, describe, expect, it, vi } from "vitest";
import { hashPassword, SCRYPT_PARAMS, verifyPassword } from "./passwords.ts";
import { emailSchema, loginPasswordSchema, newPasswordSchema } from "./policy.ts";

// Spied on, not replaced: the tests count the scrypt work each verification does.
vi.mock("node:crypto", async (importOriginal) => {
  const original = await importOriginal<typeof import("node:crypto")>();
  return { ...original, scrypt: vi.fn(original.scrypt) };
});
const scrypt = vi.mocked(crypto.scrypt);

afterEach(() => {
  scrypt.mockClear();
});

describe("hashPassword", () => {
  it("P1: encodes scrypt$N$r$p$salt$hash with a 16-byte salt and a 64-byte key", async () => {
    const encoded = await hashPassword("correct horse battery");
    const [scheme, N, r, p, salt, key, ...rest] = encoded.split("$");
    expect([scheme, Number(N), Number(r), Number(p)]).toEqual([
      "scrypt",
      SCRYPT_PARAMS.N,
      SCRYPT_PARAMS.r,
      SCRYPT_PARAMS.p,
    ]);
    expect(SCRYPT_PARAMS).toEqual({ N: 2 ** 15, r: 8, p: 1 });
    expect(Buffer.from(salt!, "base64")).toHaveLength(16);
    expect(Buffer.from(key!, "base64")).toHaveLength(64);
    expect(rest).toEqual([]);
  });

  it("P1: salts every hash, so one password never gives the same hash twice", async () => {
    const [first, second] = await Promise.all([
      hashPassword("same password"),
      hashPassword("same password"),
    ]);
    expect(first).not.toBe(second);
  });
});

describe("verifyPassword", () => {
  it("P1: accepts the right password and refuses any other", async () => {
    const encoded = await hashPassword("correct horse battery");
    expect(await verifyPassword("correct horse battery", encoded)).toBe(true);
    expect(await verifyPassword("correct horse battery ", encoded)).toBe(false);
    expect(await verifyPassword("Correct horse battery", encoded)).toBe(false);
  });

  it("P1: accepts the same password typed composed or decomposed (NFC)", async () => {
    const encoded = await hashPassword("caf\u00e9 au lait!");
    expect(await verifyPassword("cafe\u0301 au lait!", encoded)).toBe(true);
  });

  it("P1: checks a hash with the parameters it records, not the current ones", async () => {
    const salt = Buffer.alloc(16, 7);
    const key = crypto.scryptSync("old password", salt, 64, { N: 2 ** 10, r: 8, p: 1 });
    const encoded = `scrypt$1024$8$1$${salt.toString("base64")}$${key.toString("base64")}`;
    expect(await verifyPassword("old password", encoded)).toBe(true);
    expect(await verifyPassword("new password", encoded)).toBe(false);
  });

  it("P1: an unknown account costs the same scrypt work as a wrong password, and fails", async () => {
    const encoded = await hashPassword("correct horse battery");
    scrypt.mockClear();
    expect(await verifyPassword("guess", encoded)).toBe(false);
    expect(await verifyPassword("guess", undefined)).toBe(false);
    expect(scrypt).toHaveBeenCalledTimes(2);
    const work = scrypt.mock.calls.map(([, salt, length, options]) => [
      (salt as Buffer).length,
      length,
      (options as crypto.ScryptOptions).N,
      (options as crypto.ScryptOptions).r,
      (options as crypto.ScryptOptions).p,
    ]);
    expect(work[1]).toEqual(work[0]);
  });

  it("P1: a malformed or absurd hash is a mismatch after the usual work, not an exception", async () => {
    const salt = Buffer.alloc(16).toString("base64");
    for (const encoded of [
      "",
      "bcrypt$2b$10$abc",
      "scrypt$32768$8$1$onlysalt",
      `scrypt$1000$8$1$${salt}$${salt}`, // N not a power of two
      `scrypt$${2 ** 30}$8$1$${salt}$${salt}`, // would allocate a terabyte
      `scrypt$32768$8$1$${salt}$${salt}$extra`,
    ]) {
      scrypt.mockClear();
      expect(await verifyPassword("anything at all", encoded)).toBe(false);
      expect(scrypt.mock.calls[0]?.[3]).toMatchObject(SCRYPT_PARAMS);
    }
  });
});

describe("password and email policy", () => {
  const accepts = (schema: v.GenericSchema<unknown, unknown>, value: unknown) =>
    v.safeParse(schema, value).success;

  it("P1: a new password has 10 to 200 characters, counted as people count them", () => {
    expect(accepts(newPasswordSchema, "a".repeat(9))).toBe(false);
    expect(accepts(newPasswordSchema, "a".repeat(10))).toBe(true);
    expect(accepts(newPasswordSchema, "a".repeat(200))).toBe(true);
    expect(accepts(newPasswordSchema, "a".repeat(201))).toBe(false);
    // Five emoji are ten UTF-16 units but five characters.
    expect(accepts(newPasswordSchema, "🔑🔑🔑🔑🔑")).toBe(false);
    expect(accepts(newPasswordSchema, "🔑".repeat(200))).toBe(true);
    expect(accepts(newPasswordSchema, 1234567890)).toBe(false);
  });

  it("P1: a password at sign-in is only bounded, so an old account is never locked out", () => {
    expect(accepts(loginPasswordSchema, "short")).toBe(true);
    expect(accepts(loginPasswordSchema, "")).toBe(false);
    expect(accepts(loginPasswordSchema, "a".repeat(201))).toBe(false);
  });

  it("P1: an email is trimmed, lower-cased and checked", () => {
    expect(v.parse(emailSchema, "  Ada@Example.ORG ")).toBe("ada@example.org");
    for (const bad of ["ada", "ada@", "@example.org", `${"a".repeat(250)}@x.org`, 42]) {
      expect(accepts(emailSchema, bad)).toBe(false);
    }
  });
});
