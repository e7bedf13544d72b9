import { randomBytes } from 'node:crypto';
import { access, link, mkdir, open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { AetherError } from '@aetherquant/core';

/** Owner read and write, nobody else: the mode of every file holding secrets. */
export const SECRET_FILE_MODE = 0o600;

/**
 * Writes a file of secrets with mode 0600, atomically: the text goes to a temporary file in the same folder
 * (created 0600, so the secrets are never readable by others, not even for a moment), which then takes the
 * target's place. Without `overwrite` the last step is a hard link, which fails if the target exists, so a
 * file that appears meanwhile is not replaced either (CONFLICT). Parent folders are created.
 */
export async function writeSecretFile(path: string, text: string, overwrite: boolean): Promise<void> {
  const folder = dirname(path);
  await mkdir(folder, { recursive: true });
  const temporary = join(folder, `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const handle = await open(temporary, 'wx', SECRET_FILE_MODE);
    try {
      // The umask cannot widen 0600, but it could be odd enough to narrow it; say exactly what we mean.
      await handle.chmod(SECRET_FILE_MODE);
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (overwrite) await rename(temporary, path);
    else await linkExclusively(temporary, path);
  } finally {
    await rm(temporary, { force: true });
  }
}

async function linkExclusively(temporary: string, path: string): Promise<void> {
  try {
    await link(temporary, path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw alreadyExists(path);
    // A file system without hard links (some network and FAT mounts): check, then rename.
    if (code === undefined || !NO_HARD_LINKS.has(code)) throw error;
    if (await fileExists(path)) throw alreadyExists(path);
    await rename(temporary, path);
  }
}

const NO_HARD_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS']);

/** Whether anything exists at `path`. */
export async function fileExists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

/** The refusal to replace an existing file without `--force`. */
export function alreadyExists(path: string): AetherError {
  return new AetherError('CONFLICT', `${path} already exists; pass --force to replace it`, { path });
}
