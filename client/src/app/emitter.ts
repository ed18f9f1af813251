/**
 * A minimal typed event emitter: the explorer tells panels that the graph, the paths or the layout
 * changed, without the panels reaching into it.
 */
export class Emitter<Events extends Record<string, unknown>> {
  private listeners: { [K in keyof Events]?: Set<(payload: Events[K]) => void> } = {};

  on<K extends keyof Events>(type: K, fn: (payload: Events[K]) => void): () => void {
    const set = (this.listeners[type] ??= new Set());
    set.add(fn);
    return () => set.delete(fn);
  }

  emit<K extends keyof Events>(type: K, payload: Events[K]): void {
    for (const fn of this.listeners[type] ?? []) fn(payload);
  }
}
