/**
 * Runs tasks one at a time, in call order. TypeORM's SQLite driver shares one connection between all
 * callers, so two overlapping transactions would nest as savepoints of one another, and a read could see
 * another caller's uncommitted rows; on SQLite every store operation goes through this lock.
 */
export class ExclusiveLock {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task, task);
    this.tail = result.catch(() => undefined);
    return result;
  }
}

/** For PostgreSQL: a pool of connections, each transaction on its own; nothing to serialise. */
export const NO_LOCK = { run: <T>(task: () => Promise<T>): Promise<T> => task() };

export type OperationLock = Pick<ExclusiveLock, 'run'>;
