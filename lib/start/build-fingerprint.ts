import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** Folders whose files end up in the Next.js build. lib/generated is covered by prisma/schema.prisma. */
const SOURCE_FOLDERS = ['app', 'components', 'lib', 'i18n', 'messages', 'public'];
const SKIPPED_FOLDERS = new Set(['lib/generated', 'node_modules', '.next']);
// judge/core/score.ts (speed bands) and its verdict list are the only judge files the site imports.
const SOURCE_FILES = [
  'next.config.js',
  'tsconfig.json',
  'package.json',
  'package-lock.json',
  'prisma/schema.prisma',
  'judge/core/score.ts',
  'judge/core/verdicts.ts',
];

/** Written into .next after a successful build; a later start compares it with the sources. */
export const BUILD_STAMP = path.join('.next', 'holdout-build.json');

async function listFiles(root: string, folder: string): Promise<string[]> {
  const absolute = path.join(root, folder);
  if (!existsSync(absolute)) return [];
  const files: string[] = [];
  for (const entry of await readdir(absolute, { withFileTypes: true })) {
    const relative = path.posix.join(folder, entry.name);
    if (SKIPPED_FOLDERS.has(relative)) continue;
    if (entry.isDirectory()) files.push(...(await listFiles(root, relative)));
    else if (entry.isFile()) files.push(relative);
  }
  return files;
}

/**
 * SHA-256 over the path and content of every file the site's build reads. Content, not
 * modification times, so a fresh clone or a checkout of the same commit counts as unchanged.
 */
export async function sourceFingerprint(root: string): Promise<string> {
  const files = [...(await Promise.all(SOURCE_FOLDERS.map((folder) => listFiles(root, folder)))).flat(), ...SOURCE_FILES.filter((file) => existsSync(path.join(root, file)))].sort();
  const hash = createHash('sha256');
  for (const file of files) {
    hash.update(file).update('\0').update(await readFile(path.join(root, file))).update('\0');
  }
  return hash.digest('hex');
}

/**
 * Whether `.next` lacks a production build or contains one built from other sources. A build made
 * by `next build` outside the start script has no stamp and is rebuilt once.
 */
export async function buildIsStale(root: string): Promise<{ stale: boolean; reason: string; fingerprint: string }> {
  const fingerprint = await sourceFingerprint(root);
  if (!existsSync(path.join(root, '.next', 'BUILD_ID'))) return { stale: true, reason: 'no production build in .next', fingerprint };
  try {
    const stamp = JSON.parse(await readFile(path.join(root, BUILD_STAMP), 'utf8')) as { fingerprint?: string };
    if (stamp.fingerprint === fingerprint) return { stale: false, reason: 'build matches the sources', fingerprint };
    return { stale: true, reason: 'sources changed since the last build', fingerprint };
  } catch {
    return { stale: true, reason: 'build was not made by the start script', fingerprint };
  }
}

export async function writeBuildStamp(root: string, fingerprint: string): Promise<void> {
  await writeFile(path.join(root, BUILD_STAMP), JSON.stringify({ fingerprint, builtAt: new Date().toISOString() }, null, 2));
}
