// `pnpm --filter @enrollpay/schemas contract:snapshot`: records the current contract surface as the
// released one (contract-snapshot.json), after checking the semver rule against the previous snapshot.
// `--print` only lists the changes since the snapshot and writes nothing.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { type Change, diffSurfaces, formatChange } from './compat/classify.js';
import { judgeSnapshotUpdate } from './compat/release.js';
import { CHANGELOG_FILE, currentSurface, readSnapshot, SNAPSHOT_FILE } from './compat/surface.js';

const printOnly = process.argv.includes('--print');
const surface = currentSurface();
const list = (title: string, changes: Change[]) => {
  console.log(`${title} (${changes.length})`);
  for (const change of changes) console.log(`  ${formatChange(change)}`);
};

if (!existsSync(SNAPSHOT_FILE)) {
  if (printOnly) {
    console.log('no snapshot yet');
    process.exit(0);
  }
  writeFileSync(SNAPSHOT_FILE, `${JSON.stringify(surface, null, 2)}\n`);
  console.log(`wrote the first snapshot (version ${surface.version}) to ${SNAPSHOT_FILE}`);
  process.exit(0);
}

const snapshot = readSnapshot();
const changes = diffSurfaces(snapshot, surface);
const verdict = judgeSnapshotUpdate({
  changes,
  snapshotVersion: snapshot.version,
  packageVersion: surface.version,
  changelog: existsSync(CHANGELOG_FILE) ? readFileSync(CHANGELOG_FILE, 'utf8') : '',
});
list('breaking', verdict.breaking);
list('compatible', verdict.compatible);
if (printOnly) process.exit(0);
if (changes.length === 0 && snapshot.version === surface.version) {
  console.log(`the snapshot (${snapshot.version}) is current; nothing to write`);
  process.exit(0);
}
if (verdict.problems.length > 0) {
  for (const problem of verdict.problems) console.error(`\n✗ ${problem}`);
  console.error('\nthe snapshot was not written');
  process.exit(1);
}
writeFileSync(SNAPSHOT_FILE, `${JSON.stringify(surface, null, 2)}\n`);
console.log(`recorded the contract of ${surface.version} (was ${snapshot.version}) in ${SNAPSHOT_FILE}`);
