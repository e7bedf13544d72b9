import { AetherError } from '@aetherquant/core';
import { parseEnvFile } from './env-file';

describe('parseEnvFile', () => {
  it('reads KEY=value lines, skipping comments and blank lines', () => {
    const text = [
      '# settings',
      '',
      'AETHERQ_LOG_LEVEL=debug',
      '  AETHERQ_INITIAL_CASH = 5000  ',
      'export AETHERQ_DEFAULT_SYMBOL=QQQ',
    ].join('\n');
    expect(parseEnvFile(text)).toEqual({
      AETHERQ_LOG_LEVEL: 'debug',
      AETHERQ_INITIAL_CASH: '5000',
      AETHERQ_DEFAULT_SYMBOL: 'QQQ',
    });
  });

  it('tolerates a UTF-8 byte-order mark and CRLF line ends (files saved by Windows editors)', () => {
    expect(parseEnvFile('\uFEFFAETHERQ_LOG_LEVEL=warn\r\nAETHERQ_SLIPPAGE_BPS=2\r\n')).toEqual({
      AETHERQ_LOG_LEVEL: 'warn',
      AETHERQ_SLIPPAGE_BPS: '2',
    });
  });

  it('keeps single-quoted values literally and unescapes double-quoted ones', () => {
    const text = [`A='x # not a comment \\n'`, 'B="line1\\nline2 \\"quoted\\" \\\\ end"', 'C="a # b"'].join(
      '\n',
    );
    expect(parseEnvFile(text)).toEqual({
      A: 'x # not a comment \\n',
      B: 'line1\nline2 "quoted" \\ end',
      C: 'a # b',
    });
  });

  it('drops an inline comment after an unquoted value, but keeps # inside a word', () => {
    expect(parseEnvFile('A=value # explained\nB=pass#word')).toEqual({ A: 'value', B: 'pass#word' });
  });

  it('keeps an empty value as empty text (the settings schema treats it as unset)', () => {
    expect(parseEnvFile('AETHERQ_API_KEY=\nB=""')).toEqual({ AETHERQ_API_KEY: '', B: '' });
  });

  it('lets a later line override an earlier one, as shells do', () => {
    expect(parseEnvFile('A=1\nA=2')).toEqual({ A: '2' });
  });

  it('reports every malformed line by number, without quoting the line (it may hold a secret)', () => {
    const text = ['GOOD=1', 'this line is not an assignment', 'TOKEN="sekret-unclosed', '9BAD=x'].join('\n');
    let caught: unknown;
    try {
      parseEnvFile(text, '/srv/app/.env');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(AetherError);
    const error = caught as AetherError;
    expect(error.code).toBe('INVALID_ARGUMENT');
    expect(error.details?.violations).toEqual([
      { field: '/srv/app/.env:2', rule: 'must be KEY=value (letters, digits and _ in the key)' },
      { field: '/srv/app/.env:3', rule: 'has an unclosed quote in the value of TOKEN' },
      { field: '/srv/app/.env:4', rule: 'must be KEY=value (letters, digits and _ in the key)' },
    ]);
    expect(error.message).not.toContain('sekret');
  });
});
