/**
 * Test helpers for the rooms' schema state. Imported by `*.test.ts` files only; nothing in the
 * server may depend on it.
 */
import {
  type Decoder,
  Encoder,
  type Ref,
  Reflection,
  type Schema,
  StateView,
} from "@colyseus/schema";

export interface WireClient {
  view: StateView;
  decoder: Decoder;
}

/**
 * The room's serializer in small, without sockets: one encoder, and a StateView and a decoder per
 * client; full states and patches encoded the way @colyseus/core's SchemaSerializer encodes them
 * (the shared part, then each view's), so that a test sees what a filtered client decodes (D4).
 */
export class Wire {
  readonly encoder: Encoder;
  readonly clients: WireClient[] = [];

  constructor(state: Schema) {
    this.encoder = new Encoder(state);
  }

  /** A client joins: its view holds `refs`, and it gets the full state at once. */
  join(refs: readonly Ref[]): WireClient {
    const view = new StateView();
    for (const ref of refs) view.add(ref);
    const decoder = Reflection.decode(Reflection.encode(this.encoder));
    const shared = this.encoder.encodeAll({ offset: 0 }, new Uint8Array(Encoder.BUFFER_SIZE));
    const bytes = new Uint8Array(shared.length + Encoder.BUFFER_SIZE);
    bytes.set(shared);
    const it = { offset: shared.length };
    decoder.decode(this.encoder.encodeAllView(view, shared.length, it, bytes));
    const client = { view, decoder };
    this.clients.push(client);
    return client;
  }

  /** The client's connection is gone (a returning student joins anew). */
  leave(client: WireClient): void {
    this.clients.splice(this.clients.indexOf(client), 1);
    client.view.dispose();
  }

  /** One patch to every client: what changed since the last one. Returns each one's bytes. */
  patch(): number[] {
    const it = { offset: 0 };
    const changed = this.encoder.hasChanges;
    if (changed) this.encoder.encode(it);
    const shared = it.offset;
    const sizes = this.clients.map(({ view, decoder }) => {
      if (!changed && view.changes.size === 0) return 0;
      const bytes = this.encoder.encodeView(view, shared, it);
      decoder.decode(bytes);
      return bytes.length;
    });
    this.encoder.discardChanges();
    return sizes;
  }
}
