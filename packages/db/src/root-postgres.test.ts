import { chmod, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { othersCanReach, reachableDataDir } from './root-postgres.js';

/** As root, PostgreSQL runs as `postgres`, who must reach the data directory and the binaries. */
let privateDir: string;
beforeAll(async () => {
  privateDir = await mkdtemp(join(tmpdir(), 'enrollpay-private-'));
  await mkdir(join(privateDir, 'checkout', '.data'), { recursive: true });
  await chmod(privateDir, 0o700);
});
afterAll(async () => {
  await rm(privateDir, { recursive: true, force: true });
});

describe('a checkout under a private directory', () => {
  it('is not reachable by other users; /tmp and /usr are', () => {
    expect(othersCanReach(join(privateDir, 'checkout', '.data', 'postgres'))).toBe(false);
    expect(othersCanReach('/usr/bin/env')).toBe(true);
  });

  it.runIf(process.getuid?.() === 0)('keeps its data under /var/lib/enrollpay when run as root', () => {
    const repo = join(privateDir, 'checkout');
    const dataDir = reachableDataDir(join(repo, '.data', 'postgres'), repo);
    expect(dataDir).toMatch(/^\/var\/lib\/enrollpay\/checkout-[0-9a-f]{10}\/postgres$/);
    expect(reachableDataDir('/srv/enrollpay/.data/postgres', '/srv/enrollpay')).toBe(
      '/srv/enrollpay/.data/postgres',
    );
  });
});
