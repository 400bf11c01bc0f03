import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { eventually } from './harness.js';

/**
 * `pnpm dev` runs the API and the web app under scripts/watchdog.mjs. Killing `pnpm dev` with SIGKILL
 * (no handler runs) must still stop them: here a stand-in parent starts a long-running command the
 * way scripts/dev.ts does, is SIGKILLed, and the command must be gone.
 */

const WATCHDOG = resolve(import.meta.dirname, '../../../scripts/watchdog.mjs');

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  // A zombie (exited, not yet reaped) is not running.
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return !/^\d+ \(.*\) Z /.test(stat);
}

describe('pnpm dev children', () => {
  it('stop when pnpm dev is killed with SIGKILL', async () => {
    const parentScript = `
      const { spawn } = require('node:child_process');
      spawn(process.execPath, [${JSON.stringify(WATCHDOG)}, process.execPath, '-e',
        'console.log("child " + process.pid); setInterval(() => {}, 1000)'],
        { stdio: ['pipe', 'inherit', 'inherit'], detached: true });
      setInterval(() => {}, 1000);`;
    const parent = spawn(process.execPath, ['-e', parentScript], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    parent.stdout.on('data', (d: Buffer) => {
      output += d.toString();
    });
    const childPid = await eventually(async () => Number(/child (\d+)/.exec(output)?.[1]) || null, 20_000);
    expect(isRunning(childPid)).toBe(true);

    parent.kill('SIGKILL');
    await eventually(async () => !isRunning(childPid), 15_000);
  });
});
