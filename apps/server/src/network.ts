import { type NetworkInterfaceInfo, networkInterfaces } from "node:os";

/** Where people can open the server: this machine, and other devices on the network. */
export interface ServerUrls {
  local: string;
  network: string[];
}

const wildcardHosts = new Set(["0.0.0.0", "::", ""]);

/** The machine's non-internal IPv4 addresses: what a student's phone on the same LAN can reach. */
export function lanAddresses(
  interfaces: NodeJS.Dict<NetworkInterfaceInfo[]> = networkInterfaces(),
): string[] {
  return Object.values(interfaces)
    .flatMap((infos) => infos ?? [])
    .filter((info) => info.family === "IPv4" && !info.internal)
    .map((info) => info.address);
}

/** URLs to print for a server bound to `host`; a wildcard host is reachable on every address. */
export function serverUrls(host: string, port: number, lan: string[] = lanAddresses()): ServerUrls {
  if (!wildcardHosts.has(host)) {
    const url = `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
    return { local: url, network: isLoopback(host) ? [] : [url] };
  }
  return {
    local: `http://localhost:${port}`,
    network: lan.map((address) => `http://${address}:${port}`),
  };
}

function isLoopback(host: string): boolean {
  return host === "localhost" || host === "::1" || host.startsWith("127.");
}

/** The lines a teacher reads in the terminal to know where to point the projector and phones. */
export function startupBanner(urls: ServerUrls): string {
  const lines = [`Quorum is running at ${urls.local}`];
  for (const url of urls.network) lines.push(`On your network: ${url}`);
  if (urls.network.length === 0) {
    lines.push("Not reachable from other devices: no network address (check HOST and Wi-Fi).");
  }
  return `${lines.join("\n")}\n`;
}
