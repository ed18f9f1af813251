/**
 * ForceAtlas2 in a web worker (graphology-layout-forceatlas2/worker): start, stop, run for a while,
 * and save positions whenever it stops, so the next visit opens where this one left off. The layout
 * code is loaded on first start: a return visit, whose positions are kept, never needs it.
 */
import type FA2LayoutSupervisor from 'graphology-layout-forceatlas2/worker';
import type { DisplayGraph, DisplayEdge, DisplayNode } from './display-graph';
import type { PositionStore } from './positions';

type Supervisor = FA2LayoutSupervisor<DisplayNode, DisplayEdge>;

/** Runs ForceAtlas2 synchronously for a fixed number of iterations (deterministic first layouts). */
export async function layoutSync(graph: DisplayGraph, iterations: number): Promise<void> {
  const { default: forceAtlas2 } = await import('graphology-layout-forceatlas2');
  const settings = forceAtlas2.inferSettings(graph);
  forceAtlas2.assign(graph, {
    iterations,
    getEdgeWeight: 'weight',
    settings: { ...settings, adjustSizes: true, barnesHutOptimize: graph.order > 800 },
  });
}

export class LayoutController {
  private supervisor: Supervisor | null = null;
  private starting: Promise<Supervisor> | null = null;
  private wanted = false;
  private timer: number | null = null;
  private listeners = new Set<(running: boolean) => void>();

  constructor(
    private readonly graph: DisplayGraph,
    private readonly positions: PositionStore,
  ) {}

  private ensure(): Promise<Supervisor> {
    this.starting ??= Promise.all([
      import('graphology-layout-forceatlas2'),
      import('graphology-layout-forceatlas2/worker'),
    ]).then(([{ default: forceAtlas2 }, { default: Worker }]) => {
      const settings = forceAtlas2.inferSettings(this.graph);
      this.supervisor = new Worker<DisplayNode, DisplayEdge>(this.graph, {
        getEdgeWeight: 'weight',
        settings: { ...settings, adjustSizes: false, barnesHutOptimize: this.graph.order > 1500 },
      });
      return this.supervisor;
    });
    return this.starting;
  }

  isRunning(): boolean {
    return this.wanted;
  }

  start(): void {
    if (this.graph.order === 0 || this.wanted) return;
    this.wanted = true;
    this.emit();
    void this.ensure().then((s) => {
      if (this.wanted && !s.isRunning()) s.start();
    });
  }

  stop(): void {
    if (this.timer !== null) window.clearTimeout(this.timer);
    this.timer = null;
    if (!this.wanted) return;
    this.wanted = false;
    this.supervisor?.stop();
    this.positions.save(this.graph);
    this.emit();
  }

  toggle(): void {
    if (this.isRunning()) this.stop();
    else this.start();
  }

  /** Runs the layout for `ms` milliseconds, then stops and saves. */
  runFor(ms: number): void {
    this.start();
    if (this.timer !== null) window.clearTimeout(this.timer);
    this.timer = window.setTimeout(() => this.stop(), ms);
  }

  onChange(listener: (running: boolean) => void): void {
    this.listeners.add(listener);
  }

  kill(): void {
    this.stop();
    this.supervisor?.kill();
    this.supervisor = null;
  }

  private emit(): void {
    const running = this.wanted;
    for (const l of this.listeners) l(running);
  }
}
