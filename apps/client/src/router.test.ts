import { describe, expect, it } from "vitest";
import { routeOf } from "./router.ts";

const at = (href: string) => {
  const url = new URL(href, "http://quorum.local");
  return routeOf({ pathname: url.pathname, search: url.search });
};

describe("routes", () => {
  it("P2: a join link from a QR code carries the code in the path or the query", () => {
    expect(at("/join/ABC234")).toEqual({ page: "landing", joinCode: "ABC234" });
    expect(at("/join/ABC234/")).toEqual({ page: "landing", joinCode: "ABC234" });
    expect(at("/?code=abc234")).toEqual({ page: "landing", joinCode: "abc234" });
    expect(at("/join/%E0")).toEqual({ page: "landing", joinCode: "%E0" });
    expect(at("/")).toEqual({ page: "landing", joinCode: null });
  });

  it("P1, P4: the teacher's pages carry what they need in the address", () => {
    expect(at("/login?next=%2Fteach%2Fabc")).toEqual({ page: "login", next: "/teach/abc" });
    expect(at("/setup?token=xyz")).toEqual({ page: "setup", token: "xyz" });
    expect(at("/teach")).toEqual({ page: "teach" });
    expect(at("/teach/s-1")).toEqual({ page: "console", sessionId: "s-1" });
    expect(at("/projector/s-1?token=t&join=http%3A%2F%2F10.0.0.2%2Fjoin%2FABC234")).toEqual({
      page: "projector",
      sessionId: "s-1",
      token: "t",
      join: "http://10.0.0.2/join/ABC234",
    });
    expect(at("/teach/s-1/more").page).toBe("not-found");
  });

  it("P3, P4: a student's phone plays a session at /play/CODE", () => {
    expect(at("/play/ABC234")).toEqual({ page: "play", joinCode: "ABC234" });
    expect(at("/play/abc234/")).toEqual({ page: "play", joinCode: "ABC234" });
    expect(at("/play").page).toBe("not-found");
  });

  it("P4: a session's rounds and a round's replay for its teacher; files and shared links for anyone", () => {
    expect(at("/teach/s-1/rounds")).toEqual({ page: "rounds", sessionId: "s-1" });
    expect(at("/teach/s-1/rounds/12/")).toEqual({
      page: "round-replay",
      sessionId: "s-1",
      round: 12,
    });
    expect(at("/teach/s-1/rounds/0").page).toBe("not-found");
    expect(at("/teach/s-1/rounds/x").page).toBe("not-found");
    expect(at("/replay")).toEqual({ page: "replay-file" });
    expect(at("/replay/s/q3V0-_abc")).toEqual({ page: "replay-shared", token: "q3V0-_abc" });
    expect(at("/replay/s").page).toBe("not-found");
  });

  it("knows the host page and nothing else", () => {
    expect(at("/host?preset=star").page).toBe("host");
    expect(at("/hosting").page).toBe("not-found");
  });
});
