import { UUID_PATTERN, uuidV7 } from './uuid-v7';

describe('uuidV7', () => {
  it('has the UUID shape, version 7 and the RFC variant', () => {
    const id = uuidV7();
    expect(id).toMatch(UUID_PATTERN);
    expect(id[14]).toBe('7');
    expect(['8', '9', 'a', 'b']).toContain(id[19]);
  });

  it('starts with the Unix milliseconds in hex', () => {
    // 4,000,000,000,000 ms (2096-10-02T07:06:40Z) = 0x03a3_5294_4000: the first 12 hex digits. (A time
    // after the test's own clock: ids are monotonic within a process, so an earlier time would be raised.)
    expect(uuidV7(4_000_000_000_000).slice(0, 15)).toBe('03a35294-4000-7');
  });

  it('sorts as text in the order it was made, even within one millisecond', () => {
    const ids = Array.from({ length: 10_000 }, () => uuidV7(4_102_444_800_000)); // all at 2100-01-01
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
