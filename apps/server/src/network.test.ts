import type { NetworkInterfaceInfo } from "node:os";
import { describe, expect, it } from "vitest";
import { lanAddresses, serverUrls, startupBanner } from "./network.ts";

const info = (address: string, family: "IPv4" | "IPv6", internal: boolean) =>
  ({ address, family, internal }) as NetworkInterfaceInfo;

describe("lanAddresses", () => {
  it("keeps only external IPv4 addresses", () => {
    const interfaces = {
      lo: [info("127.0.0.1", "IPv4", true), info("::1", "IPv6", true)],
      wlan0: [info("192.168.1.20", "IPv4", false), info("fe80::1", "IPv6", false)],
      eth0: [info("10.0.0.5", "IPv4", false)],
    };
    expect(lanAddresses(interfaces)).toEqual(["192.168.1.20", "10.0.0.5"]);
  });
});

describe("serverUrls", () => {
  it("lists localhost and every LAN address for a wildcard host", () => {
    expect(serverUrls("0.0.0.0", 2567, ["192.168.1.20"])).toEqual({
      local: "http://localhost:2567",
      network: ["http://192.168.1.20:2567"],
    });
  });

  it("lists only the bound address for a specific host", () => {
    expect(serverUrls("127.0.0.1", 80, ["192.168.1.20"])).toEqual({
      local: "http://127.0.0.1:80",
      network: [],
    });
    expect(serverUrls("192.168.1.20", 80)).toEqual({
      local: "http://192.168.1.20:80",
      network: ["http://192.168.1.20:80"],
    });
    expect(serverUrls("::1", 80).local).toBe("http://[::1]:80");
  });
});

describe("startupBanner", () => {
  it("prints the lines a teacher looks for", () => {
    const banner = startupBanner(serverUrls("0.0.0.0", 2567, ["192.168.1.20", "10.0.0.5"]));
    expect(banner).toBe(
      "Quorum is running at http://localhost:2567\n" +
        "On your network: http://192.168.1.20:2567\n" +
        "On your network: http://10.0.0.5:2567\n",
    );
  });

  it("says when other devices cannot connect", () => {
    expect(startupBanner(serverUrls("0.0.0.0", 2567, []))).toMatch(/Not reachable from other/);
  });
});
