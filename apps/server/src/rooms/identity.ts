import type { JoinRefusal } from "@quorum/shared";
import type { TokenRefusal } from "../auth/tokens.ts";
import type { ClassroomSession } from "../store/types.ts";
import type { ClassroomServices } from "./services.ts";

/** Who a connection is (P4): the session's teacher, its projector, or one of its students. */
export type Identity =
  | { role: "host"; teacherId: string }
  | { role: "projector" }
  | { role: "player"; playerId: string; nickname: string };

/** A JWT is three base64url parts; anything far longer than ours is not one of ours. */
const MAX_TOKEN_LENGTH = 2048;

/**
 * P1, P3, P4: the identity of `options.token` in `session`: the owner's access token (host), this
 * session's projector token, or a player token of this session whose player was not removed.
 */
export async function identify(
  services: Pick<ClassroomServices, "store" | "tokens">,
  session: ClassroomSession,
  token: unknown,
): Promise<Identity | JoinRefusal> {
  if (typeof token !== "string" || token === "") return "missing-token";
  if (token.length > MAX_TOKEN_LENGTH) return "invalid-token";
  if (session.endedAt !== null) return "session-ended";
  const { tokens, store } = services;

  const access = await tokens.verifyAccessToken(token);
  if (access.ok) {
    return access.claims.sub === session.teacherId
      ? { role: "host", teacherId: access.claims.sub }
      : "other-session";
  }
  if (access.reason !== "wrong-type") return refusal(access.reason);

  const projector = await tokens.verifyProjectorToken(token);
  if (projector.ok) {
    return projector.claims.sub === session.id ? { role: "projector" } : "other-session";
  }
  if (projector.reason !== "wrong-type") return refusal(projector.reason);

  const player = await tokens.verifyPlayerToken(token);
  if (!player.ok) return refusal(player.reason);
  if (player.claims.sid !== session.id) return "other-session";
  const stored = await store.players.byId(player.claims.sub);
  if (stored === undefined || stored.sessionId !== session.id) return "invalid-token";
  if (stored.removedAt !== null) return "removed";
  return { role: "player", playerId: stored.id, nickname: stored.nickname };
}

function refusal(reason: TokenRefusal): JoinRefusal {
  return reason === "expired" ? "expired-token" : "invalid-token";
}
