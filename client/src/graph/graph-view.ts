/**
 * The sigma renderer and what it shows: reducers for filters, hover (a node's neighbourhood), the
 * selection and highlights (a path, a claim's concepts); pointer and keyboard interaction; the camera.
 * It reports user intent through callbacks and never changes the view state itself.
 */
import type { Attributes } from 'graphology-types';
import Sigma from 'sigma';
import { EdgeRectangleProgram, createEdgeArrowProgram, type EdgeProgramType } from 'sigma/rendering';
import type { CameraState, EdgeDisplayData, NodeDisplayData, PartialButFor } from 'sigma/types';
import type { Settings } from 'sigma/settings';
import type { Camera } from '../app/view-state';
import { createDashedArrowProgram, createDashedLineProgram } from './dashed-edge-programs';
import type { DisplayEdge, DisplayGraph, DisplayNode } from './display-graph';
import { FADED_EDGE, FADED_NODE, LABEL_COLOR } from './palette';
import type { Visibility } from './visibility';

/** Above this many edges, edge picking (hover, click) is off: it would double the cost of every frame. */
export const EDGE_EVENTS_MAX_EDGES = 20_000;
/** How long the pointer rests on a node before its neighbourhood is highlighted. */
const HOVER_DELAY_MS = 80;
/** Above this many nodes, labels are drawn without their halo (stroking glyph outlines costs every frame). */
export const LABEL_HALO_MAX_NODES = 2_000;

export interface GraphViewCallbacks {
  onSelect(key: string | null): void;
  onCamera(camera: Camera): void;
  onFirstRender(ms: number): void;
}

export interface Highlight {
  nodes: ReadonlySet<string>;
  edges: ReadonlySet<string>;
}

type LabelData = PartialButFor<NodeDisplayData, 'x' | 'y' | 'size' | 'label' | 'color'>;

/** Labels with a white halo, so they stay legible over edges. */
function drawLabel(
  context: CanvasRenderingContext2D,
  data: LabelData,
  settings: Settings<DisplayNode, DisplayEdge>,
): void {
  if (!data.label) return;
  const size = settings.labelSize;
  context.font = `${settings.labelWeight} ${size}px ${settings.labelFont}`;
  const x = data.x + data.size + 3;
  const y = data.y + size / 3;
  context.lineWidth = 3;
  context.strokeStyle = 'rgba(255,255,255,0.9)';
  context.lineJoin = 'round';
  context.strokeText(data.label, x, y);
  context.fillStyle = LABEL_COLOR;
  context.fillText(data.label, x, y);
}

export class GraphView {
  readonly renderer: Sigma<DisplayNode, DisplayEdge>;
  private visibility: Visibility = { hiddenNodes: new Set(), hiddenEdges: new Set(), shownNodes: 0, shownEdges: 0 };
  private hovered: string | null = null;
  private hoverNeighbours = new Set<string>();
  private selected: string | null = null;
  private highlight: Highlight | null = null;
  private cameraTimer: number | null = null;
  private hoverTimer: number | null = null;
  private refreshFrame: number | null = null;
  private dragging = false;
  private suppressCamera = false;

  constructor(
    readonly container: HTMLElement,
    readonly graph: DisplayGraph,
    private readonly callbacks: GraphViewCallbacks,
    visibility?: Visibility,
  ) {
    if (visibility) this.visibility = visibility;
    this.renderer = new Sigma<DisplayNode, DisplayEdge>(graph, container, {
      renderEdgeLabels: false,
      enableEdgeEvents: graph.size <= EDGE_EVENTS_MAX_EDGES,
      defaultEdgeType: 'arrow',
      edgeProgramClasses: {
        arrow: createEdgeArrowProgram<DisplayNode, DisplayEdge>(),
        // Sigma types its ready-made line program for untyped attributes; it reads none of ours.
        line: EdgeRectangleProgram as unknown as EdgeProgramType<DisplayNode, DisplayEdge>,
        dashedArrow: createDashedArrowProgram<DisplayNode, DisplayEdge, Attributes>(),
        dashedLine: createDashedLineProgram<DisplayNode, DisplayEdge, Attributes>(),
      },
      labelFont: 'system-ui, "PingFang SC", "Noto Sans CJK SC", "Microsoft YaHei", sans-serif',
      labelSize: 13,
      labelWeight: '500',
      labelDensity: 0.6,
      labelGridCellSize: 90,
      labelRenderedSizeThreshold: 5,
      ...(graph.order <= LABEL_HALO_MAX_NODES ? { defaultDrawNodeLabel: drawLabel } : {}),
      zIndex: false,
      minCameraRatio: 0.02,
      maxCameraRatio: 20,
      stagePadding: 40,
      nodeReducer: (node, data) => this.reduceNode(node, data),
      edgeReducer: (edge, data) => this.reduceEdge(edge, data),
    });
    this.bindEvents();
    // Sigma renders once, synchronously, in its constructor: the graph is drawn from here on.
    this.callbacks.onFirstRender(performance.now());
  }

  /** Whether anything is in focus (hover, highlight, selection): only then are reducers and z-order at work. */
  private get focusActive(): boolean {
    return this.hovered !== null || this.highlight !== null || this.selected !== null;
  }

  // Sigma hands reducers a shallow copy of the attributes: they change it in place and return it.
  private reduceNode(node: string, data: DisplayNode): Partial<NodeDisplayData> {
    const d = data as DisplayNode & Partial<NodeDisplayData>;
    if (this.visibility.hiddenNodes.has(node)) {
      d.hidden = true;
      return d;
    }
    if (!this.focusActive) return d;
    d.zIndex = 1;
    const inFocus =
      (this.hovered === null || this.hoverNeighbours.has(node)) &&
      (this.highlight === null || this.highlight.nodes.has(node));
    if (!inFocus) {
      d.color = FADED_NODE;
      d.label = '';
      d.zIndex = 0;
    } else if (this.hovered !== null || this.highlight !== null) {
      d.forceLabel = true;
      d.zIndex = 2;
    }
    if (node === this.selected) {
      d.highlighted = true;
      d.forceLabel = true;
      d.zIndex = 3;
    }
    return d;
  }

  private reduceEdge(edge: string, data: DisplayEdge): Partial<EdgeDisplayData> {
    const d = data as DisplayEdge & Partial<EdgeDisplayData>;
    if (this.visibility.hiddenEdges.has(edge)) {
      d.hidden = true;
      return d;
    }
    if (!this.focusActive) return d;
    d.zIndex = data.link === 'co_mention' || data.link === 'member_of' ? 0 : 1;
    if (this.hovered !== null) {
      const [s, t] = this.graph.extremities(edge);
      if (s !== this.hovered && t !== this.hovered) {
        d.hidden = true;
        return d;
      }
      d.zIndex = 2;
    }
    if (this.highlight !== null) {
      if (this.highlight.edges.has(edge)) {
        d.zIndex = 3;
        d.size = Math.max(data.size, 2.5) * 1.4;
      } else {
        d.color = FADED_EDGE;
        d.zIndex = 0;
      }
    }
    if (edge === this.selected) {
      d.size = Math.max(data.size, 2.5) * 1.8;
      d.zIndex = 4;
    }
    return d;
  }

  private bindEvents(): void {
    const r = this.renderer;
    r.on('clickNode', ({ node }) => this.callbacks.onSelect(node));
    r.on('clickEdge', ({ edge }) => this.callbacks.onSelect(edge));
    r.on('clickStage', () => this.callbacks.onSelect(null));
    // Hover highlights a neighbourhood after a short rest on the node, and never while the stage is being
    // dragged: re-reducing the whole graph as nodes slide under the cursor would cost every pan frame.
    r.on('downStage', () => (this.dragging = true));
    r.on('downNode', () => (this.dragging = true));
    window.addEventListener('mouseup', () => (this.dragging = false));
    r.on('enterNode', ({ node }) => {
      this.container.style.cursor = 'pointer';
      if (this.hoverTimer !== null) window.clearTimeout(this.hoverTimer);
      if (this.dragging) return;
      this.hoverTimer = window.setTimeout(() => {
        this.hoverTimer = null;
        if (this.dragging) return;
        this.hovered = node;
        this.hoverNeighbours = new Set(this.graph.neighbors(node));
        this.hoverNeighbours.add(node);
        this.scheduleRefresh();
      }, HOVER_DELAY_MS);
    });
    r.on('leaveNode', () => {
      this.container.style.cursor = '';
      if (this.hoverTimer !== null) window.clearTimeout(this.hoverTimer);
      this.hoverTimer = null;
      if (this.hovered === null) return;
      this.hovered = null;
      this.hoverNeighbours.clear();
      this.scheduleRefresh();
    });
    r.on('enterEdge', () => (this.container.style.cursor = 'pointer'));
    r.on('leaveEdge', () => (this.container.style.cursor = ''));
    r.getCamera().on('updated', (state: CameraState) => {
      if (this.suppressCamera) return;
      if (this.cameraTimer !== null) window.clearTimeout(this.cameraTimer);
      this.cameraTimer = window.setTimeout(() => {
        this.cameraTimer = null;
        this.callbacks.onCamera({ x: state.x, y: state.y, ratio: state.ratio });
      }, 250);
    });
    this.container.addEventListener('keydown', (e) => this.onKey(e));
  }

  private onKey(e: KeyboardEvent): void {
    const camera = this.renderer.getCamera();
    const step = 0.1 * camera.ratio;
    const moves: Record<string, [number, number]> = {
      ArrowLeft: [-step, 0],
      ArrowRight: [step, 0],
      ArrowUp: [0, step],
      ArrowDown: [0, -step],
    };
    const move = moves[e.key];
    if (move) {
      const s = camera.getState();
      camera.animate({ x: s.x + move[0], y: s.y + move[1] }, { duration: 150 });
    } else if (e.key === '+' || e.key === '=') void camera.animatedZoom({ duration: 200 });
    else if (e.key === '-' || e.key === '_') void camera.animatedUnzoom({ duration: 200 });
    else if (e.key === '0') void camera.animatedReset({ duration: 300 });
    else if (e.key === 'Escape') this.callbacks.onSelect(null);
    else return;
    e.preventDefault();
  }

  setVisibility(v: Visibility): void {
    this.visibility = v;
    this.scheduleRefresh();
  }

  setSelected(key: string | null): void {
    if (key === this.selected) return;
    this.selected = key;
    this.scheduleRefresh();
  }

  setHighlight(h: Highlight | null): void {
    this.highlight = h;
    this.scheduleRefresh();
  }

  /** One refresh at the next frame for however many changes come before it (each is a pass over the graph). */
  scheduleRefresh(): void {
    if (this.refreshFrame !== null) return;
    this.refreshFrame = requestAnimationFrame(() => {
      this.refreshFrame = null;
      this.refresh();
    });
  }

  /** Re-applies the reducers and draws; z-ordering is switched on only while something is in focus. */
  refresh(): void {
    if (this.refreshFrame !== null) cancelAnimationFrame(this.refreshFrame);
    this.refreshFrame = null;
    const z = this.focusActive;
    if (this.renderer.getSetting('zIndex') !== z) this.renderer.setSetting('zIndex', z);
    this.renderer.refresh();
  }

  getCamera(): Camera {
    const s = this.renderer.getCamera().getState();
    return { x: s.x, y: s.y, ratio: s.ratio };
  }

  /** Moves the camera without reporting it back (the state already says where it is). */
  setCamera(c: Camera, animate = false): void {
    const camera = this.renderer.getCamera();
    this.suppressCamera = true;
    const done = () => {
      this.suppressCamera = false;
    };
    if (animate) void camera.animate({ ...c, angle: 0 }, { duration: 300 }).then(done);
    else {
      camera.setState({ ...c, angle: 0 });
      done();
    }
  }

  /** Animates the camera onto a node (its position on the normalised stage). */
  focusNode(key: string, ratio = 0.35): void {
    if (!this.graph.hasNode(key)) return;
    const data = this.renderer.getNodeDisplayData(key);
    if (!data) return;
    const camera = this.renderer.getCamera();
    void camera.animate({ x: data.x, y: data.y, ratio: Math.min(camera.ratio, ratio) }, { duration: 500 });
  }

  /** Animates the camera to frame a set of nodes. */
  fitNodes(keys: Iterable<string>): void {
    const pts: NodeDisplayData[] = [];
    for (const k of keys) {
      const d = this.graph.hasNode(k) ? this.renderer.getNodeDisplayData(k) : undefined;
      if (d) pts.push(d);
    }
    if (!pts.length) return;
    const [first] = pts;
    if (pts.length === 1 && first) return this.focusNode([...keys][0] ?? '', 0.35);
    const xs = pts.map((p) => p.x);
    const ys = pts.map((p) => p.y);
    const x = (Math.min(...xs) + Math.max(...xs)) / 2;
    const y = (Math.min(...ys) + Math.max(...ys)) / 2;
    const span = Math.max(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys));
    const ratio = Math.min(1.2, Math.max(0.15, span * 2.2));
    void this.renderer.getCamera().animate({ x, y, ratio }, { duration: 500 });
  }

  zoomIn(): void {
    void this.renderer.getCamera().animatedZoom({ duration: 200 });
  }

  zoomOut(): void {
    void this.renderer.getCamera().animatedUnzoom({ duration: 200 });
  }

  resetCamera(): void {
    void this.renderer.getCamera().animatedReset({ duration: 300 });
  }

  kill(): void {
    if (this.cameraTimer !== null) window.clearTimeout(this.cameraTimer);
    if (this.refreshFrame !== null) cancelAnimationFrame(this.refreshFrame);
    this.renderer.kill();
  }
}
