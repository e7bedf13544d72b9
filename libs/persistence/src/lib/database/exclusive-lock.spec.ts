import { ExclusiveLock } from './exclusive-lock';

describe('ExclusiveLock', () => {
  it('runs tasks one at a time, in call order, even when earlier ones fail', async () => {
    const lock = new ExclusiveLock();
    const events: string[] = [];
    const task =
      (name: string, fail = false) =>
      async () => {
        events.push(`start ${name}`);
        await new Promise((resolve) => setTimeout(resolve, 5));
        events.push(`end ${name}`);
        if (fail) throw new Error(name);
        return name;
      };
    const results = await Promise.allSettled([
      lock.run(task('a')),
      lock.run(task('b', true)),
      lock.run(task('c')),
    ]);
    expect(events).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
  });
});
