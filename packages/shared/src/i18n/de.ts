import type { Messages } from "./messages.ts";

/** P7: German. Students are addressed with "du", teachers with "Sie", as German schools do. */
export const de = {
  "app.name": "Quorum",
  "app.pitch":
    "Ein Unterrichtsspiel, in dem alle zu Knoten eines echten Netzwerks werden: Pakete weiterleiten, einen Leader wählen und durchhalten, wenn das Netz ausfällt.",
  "app.footer":
    "Quorum läuft auf dem schuleigenen Server. Kein Tracking, keine Daten verlassen ihn.",
  "format.quoted": "„{text}“",
  "language.label": "Sprache",

  "join.title": "Mitspielen",
  "join.code.label": "Spielcode",
  "join.code.hint": "Die 6 Zeichen vom Beamer",
  "join.nickname.label": "Dein Name im Spiel",
  "join.nickname.hint": "1–{max} Zeichen, für alle sichtbar.",
  "join.submit": "Beitreten",
  "join.checking": "Deine Klasse wird gesucht …",
  "join.error.codeMissing": "Gib den {length}-stelligen Code vom Beamer ein.",
  "join.error.codeLength": "Ein Code hat {length} Zeichen, dieser hat {count}.",
  "join.error.codeCharacters":
    "Nicht erlaubt: {characters}. Codes bestehen aus den Buchstaben A–Z ohne I und O und den Ziffern 2–9.",
  "nickname.empty": "Wähle einen Namen, damit deine Klasse weiß, welcher Knoten dir gehört.",
  "nickname.too-long": "Ein Name darf höchstens {max} Zeichen haben, dieser hat {count}.",
  "join.result.sessionNotFound":
    "Mit dem Code {code} läuft gerade kein Spiel – prüf bitte den Code am Beamer.",
  "join.result.invalidCode": "{code} ist kein gültiger Spielcode – prüf bitte den Code am Beamer.",
  "join.result.found":
    "Die Klasse mit dem Code {code} ist gefunden. Mitspielen kannst du, sobald die Unterrichtsplattform fertig ist – sie kommt bald.",
  "join.result.unreachable":
    "Der Quorum-Server ist nicht erreichbar. Ist dein Gerät im selben Netz wie der Klassenraum?",
  "join.result.serverError":
    "Auf dem Server ist ein Fehler aufgetreten (Fehler {status}). Versuch es gleich noch einmal.",

  "hostCta.title": "Sie unterrichten?",
  "hostCta.text": "Planen Sie eine Stunde und zeigen Sie das Netzwerk am Beamer.",
  "hostCta.button": "Als Lehrkraft starten",

  "host.title": "Stunde planen",
  "host.signInNotice":
    "Die Anmeldung für Lehrkräfte kommt mit der Unterrichtsplattform. Bis dahin können Sie hier die Netzwerke erkunden, in denen Ihre Klasse spielen kann.",
  "host.preset.label": "Netzwerkform",
  "host.size.label": "Knoten – einer pro Person in der Klasse",
  "host.seed.label": "Startwert (Seed)",
  "host.seed.hint": "Derselbe Startwert ergibt immer dasselbe Netzwerk.",
  "host.seed.shuffle": "Neuer Startwert",
  "host.stats":
    "{nodes} Knoten · {links} Verbindungen · im Schnitt {degree} Verbindungen pro Knoten",
  "host.back": "Zurück zur Startseite",

  "preset.ring.name": "Ring",
  "preset.ring.description": "Jeder Knoten ist mit seinen beiden Nachbarn im Kreis verbunden.",
  "preset.line.name": "Linie",
  "preset.line.description": "Eine Kette: Nachrichten von einem Ende müssen durch jeden Knoten.",
  "preset.star.name": "Stern",
  "preset.star.description": "Ein Knoten in der Mitte ist mit allen anderen verbunden.",
  "preset.grid.name": "Gitter",
  "preset.grid.description": "Reihen und Spalten, wie die Straßen einer Stadt.",
  "preset.tree.name": "Baum",
  "preset.tree.description": "Ein Binärbaum: eine Wurzel, jeder Knoten hat bis zu zwei Kinder.",
  "preset.mesh.name": "Vollvermascht",
  "preset.mesh.description": "Jeder Knoten ist mit jedem anderen verbunden.",
  "preset.geometric.name": "Zufällig verstreut",
  "preset.geometric.description":
    "Zufällig verteilte Knoten, verbunden mit ihren Nachbarn in der Nähe.",
  "preset.small-world.name": "Kleine Welt",
  "preset.small-world.description": "Ein Ring mit ein paar langen Abkürzungen quer hindurch.",
  "preset.scale-free.name": "Wie das Internet",
  "preset.scale-free.description": "Wenige stark vernetzte Knotenpunkte und viele kleine Knoten.",

  "network.label": "Ein Netzwerk aus {nodes} Knoten und {links} Verbindungen",
  "network.loading": "Das Netzwerk wird gezeichnet …",
  "network.failed": "Die Netzwerkzeichnung konnte auf diesem Gerät nicht geladen werden.",

  "notFound.title": "Seite nicht gefunden",
  "notFound.text": "Unter dieser Adresse gibt es nichts.",
  "rejection.sentence": "{sentence} ({rule})",
  "input.no-such-node": "Einen Knoten {node} gibt es nicht.",
  "input.malformed": "Diese Aktion wurde nicht verstanden ({issue}).",
  "node.down": "Dein Knoten ist ausgefallen. Er kann erst nach dem Neustart wieder handeln.",
  "routing.not-in-inbox": "Dieses Paket ist nicht in deinem Eingang.",
  "routing.already-handled": "Dieses Paket hast du schon weitergeschickt.",
  "routing.not-a-neighbour":
    "{to} ist nicht dein Nachbar: Du kannst nur über deine eigenen Leitungen senden.",
  "routing.link-down": "Deine Leitung zu {to} ist unterbrochen.",
  "routing.partitioned": "Das Netz ist geteilt: {to} ist auf der anderen Seite.",
  "routing.not-reliable": "Erneutes Senden gibt es nur in der Runde mit zuverlässiger Zustellung.",
  "routing.not-unacked": "Paket #{seq} wartet auf keine Bestätigung.",
  "routing.burst-needs-two-nodes": "Ein Verkehrsstoß braucht mindestens zwei Knoten.",
  "fault.no-such-node": "Einen Knoten {node} gibt es nicht.",
  "fault.no-such-link": "Eine Leitung {link} gibt es nicht.",
  "fault.node-in-two-groups": "{node} steht in zwei Gruppen der Partition.",

  "fallacy.reliable": "Das Netzwerk ist zuverlässig",
  "fallacy.latency": "Die Latenz ist null",
  "fallacy.bandwidth": "Die Bandbreite ist unendlich",
  "fallacy.topology": "Die Topologie ändert sich nicht",

  "drop.loss": "auf der Leitung verloren",
  "drop.ttl": "TTL abgelaufen",
  "drop.queue-full": "kein Pufferplatz",
  "drop.link-down": "Leitung unterbrochen",
  "drop.node-down": "Knoten ausgefallen",
  "drop.partition": "Netz geteilt",
  "drop.discard": "von einem Router verworfen",
  "drop.duplicate": "Duplikat",

  "replay.not-a-replay": "Das ist keine Quorum-Aufzeichnung.",
  "replay.corrupt": "Die Aufzeichnung ist beschädigt oder unvollständig ({detail}).",
  "replay.unknown-version":
    "Diese Aufzeichnung hat Version {version}, die dieses Quorum nicht lesen kann.",
  "replay.engine-version":
    "Diese Runde wurde mit Engine-Version {recorded} aufgezeichnet; dieses Quorum spielt nur Version {supported} ab und lehnt sie ab, statt sie falsch abzuspielen.",
  "replay.unknown-mode":
    "Diese Aufzeichnung gehört zu einem Spielmodus, den dieses Quorum nicht kennt ({mode}).",
  "replay.bad-config":
    "Die Einstellungen der Runde in dieser Aufzeichnung sind ungültig ({detail}).",
  "replay.diverged":
    "Die Aufzeichnung stimmt bei Tick {tick} nicht mit dem Abspielen überein: Die Datei wurde verändert oder ist beschädigt.",
} satisfies Messages;
