import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Returns the session-signing secret kept in `<dataDir>/nextauth-secret`, creating it (32 random
 * bytes, file mode 0600) on first use. Development only: production must set NEXTAUTH_SECRET.
 * Keeping it on disk means sessions survive a restart.
 */
export async function developmentSecret(dataDir: string): Promise<string> {
  const file = path.join(dataDir, 'nextauth-secret');
  if (existsSync(file)) {
    const stored = (await readFile(file, 'utf8')).trim();
    if (stored.length >= 32) return stored;
  }
  await mkdir(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  await writeFile(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}
