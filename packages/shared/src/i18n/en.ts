/**
 * P7: every string the UI shows, in English. This dictionary defines the message keys; each
 * other language must translate every key (a missing one fails typecheck). Placeholders are
 * `{name}`; `t()` fills them.
 */
export const en = {
  "app.name": "Quorum",
  "app.pitch":
    "A classroom game where every student is one node of a live network: route packets, elect a leader and keep going when the network fails.",
  "app.footer": "Quorum runs on your school's own server. No tracking, nothing leaves it.",
  "format.quoted": "“{text}”",
  "language.label": "Language",

  "join.title": "Join a game",
  "join.code.label": "Game code",
  "join.code.hint": "The 6 letters and digits on the projector",
  "join.nickname.label": "Your nickname",
  "join.nickname.hint": "1–{max} characters, shown to your class.",
  "join.submit": "Join",
  "join.checking": "Looking for your class…",
  "join.error.codeMissing": "Enter the {length}-character code from the projector.",
  "join.error.codeLength": "A code has {length} characters; this one has {count}.",
  "join.error.codeCharacters":
    "Not allowed: {characters}. Codes use the letters A–Z without I and O, and the digits 2–9.",
  "nickname.empty": "Choose a nickname so your class knows which node is yours.",
  "nickname.too-long": "A nickname can have at most {max} characters; this one has {count}.",
  "join.result.sessionNotFound":
    "No class is running with code {code} — check the code on the projector.",
  "join.result.invalidCode": "{code} is not a valid game code — check the code on the projector.",
  "join.result.found":
    "Found the class with code {code}. Taking part opens with the classroom platform, which is coming soon.",
  "join.result.unreachable":
    "Can't reach the Quorum server. Is your device on the same network as the classroom?",
  "join.result.serverError": "The server had a problem (error {status}). Try again in a moment.",

  "hostCta.title": "Teaching?",
  "hostCta.text": "Plan a class and put its network on the projector.",
  "hostCta.button": "Host a class",

  "host.title": "Plan a class",
  "host.signInNotice":
    "Teacher sign-in arrives with the classroom platform. Until then, explore the networks your class can play on.",
  "host.preset.label": "Network shape",
  "host.size.label": "Nodes — one per student",
  "host.seed.label": "Seed",
  "host.seed.hint": "The same seed always draws the same network.",
  "host.seed.shuffle": "New seed",
  "host.stats": "{nodes} nodes · {links} links · {degree} links per node on average",
  "host.back": "Back to the start page",

  "preset.ring.name": "Ring",
  "preset.ring.description": "Each node is linked to its two neighbours in a circle.",
  "preset.line.name": "Line",
  "preset.line.description": "A chain: messages from one end must pass every node.",
  "preset.star.name": "Star",
  "preset.star.description": "One hub in the middle, linked to everyone else.",
  "preset.grid.name": "Grid",
  "preset.grid.description": "Rows and columns, like streets in a city.",
  "preset.tree.name": "Tree",
  "preset.tree.description": "A binary tree: one root, every node has up to two children.",
  "preset.mesh.name": "Full mesh",
  "preset.mesh.description": "Every node is linked to every other node.",
  "preset.geometric.name": "Random geometric",
  "preset.geometric.description": "Nodes scattered at random, linked to the ones nearby.",
  "preset.small-world.name": "Small world",
  "preset.small-world.description": "A ring with a few long shortcuts across it.",
  "preset.scale-free.name": "Internet-like",
  "preset.scale-free.description": "A few well-connected hubs and many small nodes.",

  "network.label": "A network of {nodes} nodes and {links} links",
  "network.loading": "Drawing the network…",
  "network.failed": "The network drawing could not be loaded on this device.",

  "notFound.title": "Page not found",
  "notFound.text": "There is nothing at this address.",
  "rejection.sentence": "{sentence} ({rule})",
  "input.no-such-node": "There is no node {node}.",
  "input.malformed": "That action was not understood ({issue}).",
  "node.down": "Your node is down. It can act again once it restarts.",
  "routing.not-in-inbox": "That packet is not in your inbox.",
  "routing.already-handled": "You already sent that packet on its way.",
  "routing.not-a-neighbour": "{to} is not your neighbour: you can only send over your own links.",
  "routing.link-down": "Your link to {to} is down.",
  "routing.partitioned": "The network is partitioned: {to} is on the other side.",
  "routing.not-reliable": "Retransmitting only exists in the reliable-delivery round.",
  "routing.not-unacked": "Packet #{seq} is not waiting for an acknowledgement.",
  "routing.burst-needs-two-nodes": "A traffic burst needs at least two nodes.",
  "fault.no-such-node": "There is no node {node}.",
  "fault.no-such-link": "There is no link {link}.",
  "fault.node-in-two-groups": "{node} is in two groups of the partition.",

  "fallacy.reliable": "The network is reliable",
  "fallacy.latency": "Latency is zero",
  "fallacy.bandwidth": "Bandwidth is infinite",
  "fallacy.topology": "Topology doesn't change",

  "drop.loss": "lost on the link",
  "drop.ttl": "TTL expired",
  "drop.queue-full": "no buffer space",
  "drop.link-down": "link down",
  "drop.node-down": "node down",
  "drop.partition": "partitioned",
  "drop.discard": "dropped by a router",
  "drop.duplicate": "duplicate",

  "replay.not-a-replay": "This is not a Quorum replay file.",
  "replay.corrupt": "The replay file is damaged or incomplete ({detail}).",
  "replay.unknown-version":
    "This replay file has version {version}, which this Quorum cannot read.",
  "replay.engine-version":
    "This round was recorded with engine version {recorded}; this Quorum replays version {supported} only, so it refuses rather than replay it wrongly.",
  "replay.unknown-mode": "This replay is of a game mode this Quorum does not have ({mode}).",
  "replay.bad-config": "The round's settings in this replay are invalid ({detail}).",
  "replay.diverged":
    "The replay does not match its recording at tick {tick}: the file was changed or is damaged.",
} as const;
