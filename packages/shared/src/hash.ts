import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils.js";

/**
 * D6: the fingerprint of a round state. The state is plain JSON data built by deterministic code,
 * so its JSON text is canonical (key order is insertion order; number formatting is fixed by the
 * language spec) and equal on Node and in any browser.
 */
export function stateHash(state: unknown): string {
  return sha256Hex(JSON.stringify(state)).slice(0, 16);
}

export function sha256Hex(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text)));
}
