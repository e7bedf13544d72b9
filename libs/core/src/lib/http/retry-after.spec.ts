import { retryAfterMs, retryAfterSeconds } from './retry-after';

describe('retryAfterSeconds', () => {
  it('reads delta-seconds, the form the AetherQuant API sends', () => {
    expect(retryAfterSeconds('30')).toBe(30);
    expect(retryAfterSeconds(' 0 ')).toBe(0);
  });

  it('ignores an absent header, a date, a fraction or a negative number', () => {
    for (const header of [null, undefined, '', 'Tue, 02 Jan 2024 12:00:02 GMT', '1.5', '-3', 'soon']) {
      expect(retryAfterSeconds(header)).toBeUndefined();
    }
  });
});

describe('retryAfterMs', () => {
  const now = Date.UTC(2024, 0, 2, 12, 0, 0); // Tue, 02 Jan 2024 12:00:00 GMT

  it('turns delta-seconds into ms', () => {
    expect(retryAfterMs('2', now)).toBe(2_000);
  });

  it('counts an HTTP date from now, and a date already past as no wait', () => {
    expect(retryAfterMs('Tue, 02 Jan 2024 12:00:02 GMT', now)).toBe(2_000);
    expect(retryAfterMs('Tue, 02 Jan 2024 12:01:00 GMT', now)).toBe(60_000);
    expect(retryAfterMs('Tue, 02 Jan 2024 11:59:00 GMT', now)).toBe(0);
  });

  it('ignores anything in neither form, so the caller keeps its own backoff', () => {
    // Date.parse alone would read "1.5" (1 May 2001) and "soon 2024" (1 January 2024) as dates.
    for (const header of [
      null,
      '1.5',
      'soon 2024',
      '2024-01-02T12:00:02Z',
      'Tue, 02 Jan 2024 12:00:02 CET',
    ]) {
      expect(retryAfterMs(header, now)).toBeUndefined();
    }
  });
});
