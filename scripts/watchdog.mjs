// Runs a command and stops it when its parent (`pnpm dev`) goes away, even by SIGKILL.
//   node scripts/watchdog.mjs <command> [args…]
// The parent keeps this process's stdin open (a pipe); the kernel closes it when the parent dies,
// however it dies. Then this process stops its whole process group (the command and whatever it
// started, e.g. tsx watch's server): SIGTERM, and SIGKILL after 5 s. Start it as a process-group
// leader (spawn(..., { detached: true })) so that group is the command's alone.
import { spawn } from 'node:child_process';

const [command, ...args] = process.argv.slice(2);
if (!command) {
  console.error('usage: node scripts/watchdog.mjs <command> [args…]');
  process.exit(2);
}
const parent = process.ppid;
const child = spawn(command, args, { stdio: ['ignore', 'inherit', 'inherit'] });

let stopping = false;
function stopGroup(reason) {
  if (stopping) return;
  stopping = true;
  if (reason) console.error(`[watchdog] ${reason}; stopping ${command}`);
  try {
    process.kill(-process.pid, 'SIGTERM');
  } catch {
    child.kill('SIGTERM');
  }
  setTimeout(() => {
    try {
      process.kill(-process.pid, 'SIGKILL');
    } catch {
      child.kill('SIGKILL');
    }
  }, 5000).unref();
}

// A SIGTERM/SIGINT to the group (pnpm dev's orderly stop) reaches the command too: wait for it.
for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP']) process.on(signal, () => stopGroup());
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
child.on('error', (error) => {
  console.error(`[watchdog] could not start ${command}: ${error.message}`);
  process.exit(1);
});

process.stdin.on('end', () => stopGroup('parent process went away (stdin closed)'));
process.stdin.on('error', () => stopGroup('parent process went away (stdin error)'));
process.stdin.resume();
// Belt and braces: a parent that is gone, or replaced by init, also stops us.
setInterval(() => {
  let alive = process.ppid === parent;
  try {
    process.kill(parent, 0);
  } catch {
    alive = false;
  }
  if (!alive) stopGroup('parent process went away');
}, 1000).unref();
