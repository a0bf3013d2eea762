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

  it("knows the host page and nothing else", () => {
    expect(at("/host?preset=star").page).toBe("host");
    expect(at("/hosting").page).toBe("not-found");
  });
});
