import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeFileAtomic } from './write-file-atomic';

describe('writeFileAtomic', () => {
  const dir = mkdtempSync(join(tmpdir(), 'aetherquant-atomic-'));

  it('creates parent folders and writes the text', async () => {
    const path = join(dir, 'a', 'b', 'file.txt');
    await writeFileAtomic(path, 'hello\n');
    expect(readFileSync(path, 'utf8')).toBe('hello\n');
  });

  it('replaces an existing file and leaves no temporary file behind', async () => {
    const path = join(dir, 'replace.txt');
    writeFileSync(path, 'old');
    await writeFileAtomic(path, 'new');
    expect(readFileSync(path, 'utf8')).toBe('new');
    expect(readdirSync(dir).filter((name) => name.startsWith('replace'))).toEqual(['replace.txt']);
  });

  it('applies a file mode', async () => {
    const path = join(dir, 'secret.env');
    await writeFileAtomic(path, 'KEY=1\n', 0o600);
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });

  it('keeps the old file when the write fails', async () => {
    const path = join(dir, 'keep.txt');
    writeFileSync(path, 'precious');
    // A folder where the temporary file would go cannot be written: the parent "file" is a regular file.
    await expect(writeFileAtomic(join(path, 'child.txt'), 'x')).rejects.toThrow();
    expect(readFileSync(path, 'utf8')).toBe('precious');
  });
});
