/**
 * A value that changes over time and tells its listeners: the connection's state and status
 * are plain objects held in these, so any UI (Preact here, a Phaser scene on the projector) can
 * read them without knowing about Colyseus.
 */
export interface ReadStore<T> {
  get(): T;
  /** Calls `listener` after every change; returns the unsubscribe function. */
  subscribe(listener: (value: T) => void): () => void;
}

export interface Store<T> extends ReadStore<T> {
  set(value: T): void;
}

export function createStore<T>(initial: T): Store<T> {
  let value = initial;
  const listeners = new Set<(value: T) => void>();
  return {
    get: () => value,
    set(next) {
      if (Object.is(next, value)) return;
      value = next;
      for (const listener of [...listeners]) listener(value);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
