import { randomBytes, type ScryptOptions, scrypt, timingSafeEqual } from "node:crypto";

/**
 * P1: scrypt parameters for new hashes. N=2^15, r=8 costs 32 MiB and tens of milliseconds per
 * hash. Each hash records its own parameters, so raising these later keeps old hashes valid.
 */
export const SCRYPT_PARAMS = { N: 2 ** 15, r: 8, p: 1 } as const;
const SALT_BYTES = 16;
const KEY_BYTES = 64;

// Limits on parameters read back from a hash: a damaged row must not make a login allocate
// gigabytes or spin for minutes.
const MAX_LOG2_N = 20;
const MAX_R = 32;
const MAX_P = 16;

/** scrypt needs 128·N·r bytes; Node's default ceiling (32 MiB) is exactly that, too tight. */
const maxmem = (N: number, r: number) => 128 * N * r * 2;

function deriveKey(password: string, salt: Buffer, options: ScryptOptions, length: number) {
  return new Promise<Buffer>((resolve, reject) => {
    // NFC: the same password typed on two keyboards may arrive composed or decomposed.
    scrypt(password.normalize("NFC"), salt, length, options, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

/** Hashes a password with a fresh salt into `scrypt$N$r$p$saltB64$hashB64`. */
export async function hashPassword(password: string): Promise<string> {
  const { N, r, p } = SCRYPT_PARAMS;
  const salt = randomBytes(SALT_BYTES);
  const key = await deriveKey(password, salt, { N, r, p, maxmem: maxmem(N, r) }, KEY_BYTES);
  return ["scrypt", N, r, p, salt.toString("base64"), key.toString("base64")].join("$");
}

interface ParsedHash {
  N: number;
  r: number;
  p: number;
  salt: Buffer;
  key: Buffer;
}

function parseHash(encoded: string): ParsedHash | undefined {
  const [scheme, N, r, p, salt, key, ...rest] = encoded.split("$");
  if (scheme !== "scrypt" || rest.length > 0 || !salt || !key) return undefined;
  const [n, rr, pp] = [Number(N), Number(r), Number(p)];
  const isPowerOfTwo = Number.isInteger(Math.log2(n)) && n >= 2;
  if (!isPowerOfTwo || Math.log2(n) > MAX_LOG2_N) return undefined;
  if (!Number.isInteger(rr) || rr < 1 || rr > MAX_R) return undefined;
  if (!Number.isInteger(pp) || pp < 1 || pp > MAX_P) return undefined;
  const parsed = {
    N: n,
    r: rr,
    p: pp,
    salt: Buffer.from(salt, "base64"),
    key: Buffer.from(key, "base64"),
  };
  return parsed.salt.length > 0 && parsed.key.length > 0 ? parsed : undefined;
}

// A hash of a random password nobody knows, made with SCRYPT_PARAMS: verifying against it costs
// what verifying a real account costs.
const DUMMY = parseHash(
  "scrypt$32768$8$1$KIcih4weeJ3iTy/XkXuYzQ==$" +
    "iKf/i+TcmJwEVUYhvRnHJ3165e2Lu8H391m99nK0eUBtONx1S9vTw8lpwNOsBemEc7h+grW+XiXbI9GjKD0PNw==",
)!;

/**
 * Whether `password` matches `encoded`. For an unknown account pass `undefined`: the answer is
 * false after the same scrypt work, so response times do not tell which emails have accounts.
 * A malformed hash is a mismatch, never an exception.
 */
export async function verifyPassword(
  password: string,
  encoded: string | undefined,
): Promise<boolean> {
  const parsed = encoded === undefined ? undefined : parseHash(encoded);
  const { N, r, p, salt, key } = parsed ?? DUMMY;
  const candidate = await deriveKey(password, salt, { N, r, p, maxmem: maxmem(N, r) }, key.length);
  return timingSafeEqual(candidate, key) && parsed !== undefined;
}
