import { defineConfig } from "vite";

// In development the Quorum server runs on its own port; proxy everything that is not the client
// so the browser talks to one origin, as it does in production (P8).
const server = "http://localhost:2567";

export default defineConfig({
  server: {
    proxy: {
      "/api": server,
      "/healthz": server,
      "/matchmake": server,
      // Colyseus opens its room socket at /<processId>/<roomId>?sessionId=…
      "^/[\\w-]+/[\\w-]+\\?(?:.*&)?sessionId=": { target: server, ws: true },
    },
  },
  build: {
    target: "es2022",
    // Phaser is one large, lazily loaded chunk by design; the join screen never waits for it.
    chunkSizeWarningLimit: 1600,
  },
});
