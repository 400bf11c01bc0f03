// The semver rule for @enrollpay/schemas, applied to the changes since the snapshot (the last release):
// breaking changes need a higher major version and a CHANGELOG entry naming each of them; recording a new
// snapshot also needs a higher version (minor at least for compatible changes) with a CHANGELOG section.
import { type Change, formatChange } from './classify.js';

export interface Semver {
  major: number;
  minor: number;
  patch: number;
}

export function parseSemver(version: string): Semver {
  const match = /^(\d+)\.(\d+)\.(\d+)(?:[-+].*)?$/.exec(version);
  if (!match) throw new Error(`"${version}" is not a semantic version (x.y.z)`);
  return { major: Number(match[1]), minor: Number(match[2]), patch: Number(match[3]) };
}

function compareSemver(a: Semver, b: Semver): number {
  return a.major - b.major || a.minor - b.minor || a.patch - b.patch;
}

/** The lines under `## <version>` (also `## [1.2.0] - 2026-12-01`) up to the next `## ` heading, or null. */
export function changelogSection(changelog: string, version: string): string[] | null {
  const lines = changelog.split('\n');
  const escaped = version.replace(/[.+]/g, '\\$&');
  const heading = new RegExp(`^##\\s+\\[?v?${escaped}\\]?(?:\\s|$)`);
  const start = lines.findIndex((line) => heading.test(line));
  if (start === -1) return null;
  const end = lines.findIndex((line, i) => i > start && /^##\s/.test(line));
  return lines.slice(start + 1, end === -1 ? undefined : end);
}

/** A changelog line names a change when it mentions its subject and, for a change inside a schema, the path. */
export function namesChange(line: string, change: Change): boolean {
  return line.includes(change.subject) && (change.path === '' || line.includes(change.path));
}

/** A line to paste into the CHANGELOG for a change. */
export function changelogLine(change: Change): string {
  const where = [`\`${change.subject}\``, change.direction, change.path ? `\`${change.path}\`` : '']
    .filter(Boolean)
    .join(' ');
  return `- ${where}: ${change.detail}`;
}

export interface ReleaseInput {
  changes: Change[];
  snapshotVersion: string;
  packageVersion: string;
  changelog: string;
}

export interface Verdict {
  breaking: Change[];
  compatible: Change[];
  /** Empty when the rule is kept. Each names the schema (procedure or export) and the path. */
  problems: string[];
}

/** The check `pnpm test` runs: breaking changes only with a raised major and a CHANGELOG entry for each. */
export function judgeChanges({ changes, snapshotVersion, packageVersion, changelog }: ReleaseInput): Verdict {
  const breaking = changes.filter((c) => c.group === 'breaking');
  const compatible = changes.filter((c) => c.group === 'compatible');
  const problems: string[] = [];
  const released = parseSemver(snapshotVersion);
  const current = parseSemver(packageVersion);
  if (compareSemver(current, released) < 0) {
    problems.push(
      `package.json says ${packageVersion}, older than the snapshot's ${snapshotVersion}; versions only go up`,
    );
  }
  const section = changelogSection(changelog, packageVersion);
  if (!section) {
    problems.push(`CHANGELOG.md has no "## ${packageVersion}" section for the version in package.json`);
  }
  if (breaking.length === 0) return { breaking, compatible, problems };

  const list = breaking.map((c) => `  - ${formatChange(c)}`).join('\n');
  if (current.major <= released.major) {
    const next = `${released.major + 1}.0.0`;
    problems.push(
      `${breaking.length} breaking change(s) against the contract of ${snapshotVersion} (contract-snapshot.json):\n${list}\n` +
        `Undo them, or release them as ${next}: set "version": "${next}" in packages/schemas/package.json and ` +
        `add a "## ${next}" section to packages/schemas/CHANGELOG.md naming each change, e.g.\n` +
        breaking.map(changelogLine).join('\n'),
    );
    return { breaking, compatible, problems };
  }
  const unnamed = breaking.filter((c) => !section?.some((line) => namesChange(line, c)));
  if (unnamed.length > 0) {
    problems.push(
      `the major version is raised to ${packageVersion}, but its CHANGELOG section does not name ` +
        `${unnamed.length} breaking change(s); add lines such as\n${unnamed.map(changelogLine).join('\n')}`,
    );
  }
  return { breaking, compatible, problems };
}

/**
 * What recording a new snapshot needs on top of `judgeChanges`: a version above the snapshot's, by a minor
 * at least when anything was added (a major when anything broke, which `judgeChanges` already demands).
 */
export function judgeSnapshotUpdate(input: ReleaseInput): Verdict {
  const verdict = judgeChanges(input);
  if (input.changes.length === 0) return verdict;
  const released = parseSemver(input.snapshotVersion);
  const current = parseSemver(input.packageVersion);
  const problems = [...verdict.problems];
  if (current.major === released.major && current.minor === released.minor && verdict.compatible.length > 0) {
    const next = `${released.major}.${released.minor + 1}.0`;
    problems.push(
      `${verdict.compatible.length} compatible change(s) since ${input.snapshotVersion} need a minor release: ` +
        `set "version": "${next}" and add a "## ${next}" section to CHANGELOG.md listing them`,
    );
  }
  return { ...verdict, problems };
}
