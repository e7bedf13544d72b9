import { JsonLogger, maskQuery } from './json-logger';

function capture(level: ConstructorParameters<typeof JsonLogger>[0], secrets: string[] = []) {
  const lines: string[] = [];
  const logger = new JsonLogger(level, secrets, (line) => lines.push(line));
  return { logger, lines, records: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>) };
}

describe('JsonLogger', () => {
  it('writes one JSON object per line with time, level, message and fields', () => {
    const { logger, records } = capture('info');
    logger.write('info', 'request', { request_id: 'abc', status: 200 });
    const [record] = records();
    expect(record).toMatchObject({ level: 'info', msg: 'request', request_id: 'abc', status: 200 });
    expect(new Date(record?.['time'] as string).toISOString()).toBe(record?.['time']);
  });

  it('drops what is below its level, and everything when silent', () => {
    const warn = capture('warn');
    warn.logger.write('info', 'hidden');
    warn.logger.write('debug', 'hidden');
    warn.logger.write('error', 'shown');
    warn.logger.write('warn', 'shown');
    expect(warn.records().map((r) => r['msg'])).toEqual(['shown', 'shown']);
    const silent = capture('silent');
    silent.logger.write('fatal', 'nothing');
    expect(silent.lines).toEqual([]);
  });

  it('masks every configured secret wherever it appears, the longest first', () => {
    const { logger, lines } = capture('info', ['s3cret-key', 's3cret-key-admin', 'pw']);
    logger.write('error', 'failed with s3cret-key-admin', { detail: 'key=s3cret-key', other: 'pw' });
    expect(lines[0]).not.toContain('s3cret');
    expect(lines[0]).toContain('failed with [REDACTED]');
    expect(lines[0]).toContain('key=[REDACTED]');
    // Secrets shorter than 4 characters would mask ordinary words: they are not configured keys anyway.
    expect(lines[0]).toContain('"other":"pw"');
  });

  it('masks a secret with quotes or backslashes as JSON escapes it too', () => {
    const secret = 'pa"ss\\word';
    const { logger, lines } = capture('info', [secret]);
    logger.write('error', `driver said ${secret}`, { detail: secret });
    expect(lines[0]).not.toContain('pa\\"ss');
    expect(JSON.parse(lines[0] as string)).toMatchObject({
      msg: 'driver said [REDACTED]',
      detail: '[REDACTED]',
    });
  });

  it('serves as Nest logger, keeping stacks at debug level', () => {
    const { logger, records } = capture('info');
    logger.log('Mapped {/api/backtest, POST} route', 'RouterExplorer');
    logger.error('boom', 'Error: boom\n    at x', 'ExceptionsHandler');
    expect(records()).toEqual([
      expect.objectContaining({
        level: 'info',
        msg: 'Mapped {/api/backtest, POST} route',
        context: 'RouterExplorer',
      }),
      expect.objectContaining({ level: 'error', msg: 'boom', context: 'ExceptionsHandler' }),
    ]);
  });
});

describe('maskQuery', () => {
  it('masks query parameters named like secrets and keeps the rest', () => {
    expect(maskQuery('/api/runs?limit=5&api_key=abc&token=t&symbol=SPY')).toBe(
      '/api/runs?limit=5&api_key=***&token=***&symbol=SPY',
    );
    expect(maskQuery('/api/runs')).toBe('/api/runs');
  });
});
