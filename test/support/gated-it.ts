/** Tests of a store that may not run here (Neo4j without Java). */
import { it } from 'vitest';

/**
 * An `it` whose tests are reported as skipped when `available()` is false when they run: the suite is
 * registered before its store is started, so availability is only known in `beforeAll`.
 */
export const gatedIt =
  (available: () => boolean) =>
  (title: string, fn: () => Promise<void> | void, timeout?: number): void =>
    it(
      title,
      async (ctx) => {
        if (!available()) ctx.skip();
        await fn();
      },
      timeout,
    );
