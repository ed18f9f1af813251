/**
 * Store availability as the services see it. A store that cannot be reached either says so
 * (StoreUnavailableError) or fails some other way, possibly only after its driver has retried for a long
 * time. So an operation that fails, or is still running after a short watchdog delay, is followed by a
 * ping: when the ping fails too, the caller gets StoreUnavailableError at once (503, retry later) rather
 * than a 500 or a request hanging for the driver's retry time. Nothing is cached: the next request after
 * the store comes back simply succeeds.
 */
import { NotFoundError, StoreUnavailableError, UsageError } from '../errors';
import type { GraphStoreCore } from '../store/graph-store';

export const RETRY_AFTER_SECONDS = 5;

export interface StoreGateOptions {
  /** How long a ping may take before the store counts as unreachable (ms). */
  pingTimeoutMs?: number;
  /** How long an operation may run before a ping checks that the store is still there (ms). */
  watchdogMs?: number;
}

const unavailable = () => new StoreUnavailableError('store: not reachable', RETRY_AFTER_SECONDS);

export class StoreGate {
  private readonly pingTimeoutMs: number;
  private readonly watchdogMs: number;

  constructor(
    private readonly store: Pick<GraphStoreCore, 'ping'>,
    opts: StoreGateOptions = {},
  ) {
    // Generous: a Neo4j busy with a large export on a 2-core machine can take seconds to answer a ping,
    // and an outage it is not (a stopped server refuses connections at once, well within this).
    this.pingTimeoutMs = opts.pingTimeoutMs ?? 4000;
    this.watchdogMs = opts.watchdogMs ?? 1500;
  }

  /** Runs a store operation, turning a failure or a hang during an outage into StoreUnavailableError. */
  async run<T>(op: () => Promise<T>): Promise<T> {
    const work = op();
    // If the watchdog wins, the operation's eventual failure has nobody left to hear it.
    work.catch(() => undefined);
    let timer: NodeJS.Timeout | undefined;
    const watchdog = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => {
        void this.reachable().then((up) => {
          if (!up) reject(unavailable());
        });
      }, this.watchdogMs);
    });
    try {
      return await Promise.race([work, watchdog]);
    } catch (e) {
      if (e instanceof NotFoundError || e instanceof UsageError || e instanceof StoreUnavailableError) throw e;
      if (!(await this.reachable())) throw unavailable();
      throw e;
    } finally {
      clearTimeout(timer);
    }
  }

  /** Whether the store answers a ping within the timeout. */
  async reachable(): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), this.pingTimeoutMs);
    });
    try {
      return await Promise.race([this.store.ping().catch(() => false), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }
}
