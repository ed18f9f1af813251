/**
 * Configuration from the environment, read and validated once at start-up (fail fast, say which
 * variable is wrong and what was expected). `.env.example` lists every variable.
 */
import { z } from 'zod';

const optionalString = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));

const Env = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  STORE_DIR: z.string().default('data/store'),
  CORPUS_DIR: z.string().default('data/corpus'),
  SOURCES_DIR: z.string().default('data/sources'),
  MAX_FILE_MB: z.coerce.number().positive().default(20),
  NEO4J_URI: optionalString,
  NEO4J_USER: z.string().default('neo4j'),
  NEO4J_PASSWORD: z.string().default('textbook-graph-dev'),
  NEO4J_DATABASE: z.string().default('neo4j'),
  API_TOKEN: optionalString,
  CORS_ORIGINS: optionalString,
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(600),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Config = z.infer<typeof Env>;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Reads the configuration from an environment (process.env by default). */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `config: invalid ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(lines.join('\n'));
  }
  return parsed.data;
}
