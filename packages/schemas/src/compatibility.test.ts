// The compatibility check of `pnpm test`: the contract of this build against the last released one
// (contract-snapshot.json). Breaking changes fail here, naming the procedure or export and the path in
// the schema, unless the major version is raised and CHANGELOG.md names each of them. The rule itself is
// table-tested in scripts/compat/classify.test.ts.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { diffSurfaces, formatChange } from '../scripts/compat/classify.js';
import { judgeChanges } from '../scripts/compat/release.js';
import { CHANGELOG_FILE, currentSurface, readSnapshot, UPDATE_COMMAND } from '../scripts/compat/surface.js';

describe('the published contract', () => {
  const snapshot = readSnapshot();
  const surface = currentSurface();
  const changes = diffSurfaces(snapshot, surface);
  const verdict = judgeChanges({
    changes,
    snapshotVersion: snapshot.version,
    packageVersion: surface.version,
    changelog: readFileSync(CHANGELOG_FILE, 'utf8'),
  });

  it(`breaks nothing released in ${snapshot.version} without a new major version and a CHANGELOG entry`, () => {
    if (verdict.compatible.length > 0) {
      console.info(
        `compatible changes since ${snapshot.version} (release them with a minor version and ${UPDATE_COMMAND}):\n` +
          verdict.compatible.map((c) => `  ${formatChange(c)}`).join('\n'),
      );
    }
    if (verdict.problems.length > 0) throw new Error(verdict.problems.join('\n\n'));
    expect(verdict.problems).toEqual([]);
  });

  it('covers every procedure of the catalogue', () => {
    expect(Object.keys(surface.procedures).length).toBeGreaterThan(0);
    expect(Object.keys(snapshot.procedures).filter((p) => !(p in surface.procedures))).toEqual(
      verdict.breaking.filter((c) => c.kind === 'procedure-removed').map((c) => c.subject),
    );
  });
});
