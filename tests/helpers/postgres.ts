import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO } from './project.js';

/**
 * A PostgreSQL server for the tests: BRIEFDECK_TEST_PG_URL when .ci/run started one, else one
 * started here with scripts/pg-test-server.sh. Outside CI a machine without PostgreSQL skips
 * these tests with the reason; in CI (CI=true) that is a failure.
 */
export interface TestPostgres {
  url?: string;
  skipReason?: string;
  stop(): void;
}

export function testPostgres(): TestPostgres {
  const given = process.env.BRIEFDECK_TEST_PG_URL;
  if (given) return { url: given, stop: () => undefined };
  const script = join(REPO, 'scripts', 'pg-test-server.sh');
  const dir = mkdtempSync(join(tmpdir(), 'briefdeck-pg-'));
  const env = { ...process.env, PGTEST_PORT: String(55000 + (process.pid % 1000)) };
  try {
    const url = execFileSync('sh', [script, 'start', dir], { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
      .trim()
      .split('\n')
      .pop()!;
    return { url, stop: () => execFileSync('sh', [script, 'stop', dir], { env, stdio: 'ignore' }) };
  } catch (e) {
    const reason = `no PostgreSQL server could be started here (${(e as { stderr?: string }).stderr?.toString().trim().split('\n').pop() ?? (e as Error).message}); .ci/run starts one`;
    if (process.env.CI === 'true') throw new Error(reason, { cause: e });
    return { skipReason: reason, stop: () => undefined };
  }
}
