import type * as Interfaces from '@oclif/core/interfaces';

/**
 * A required positional argument taken as it is. Written out rather than made with oclif's `Args`: that entry
 * point is not in the start-up bundle, and loading it from disk would load oclif's shared files a second time.
 */
export function requiredArg(name: string, description: string): Interfaces.Arg<string> {
  return { name, description, required: true, input: [], parse: async (input: string) => input };
}

/** The argument of the commands of one job (`jobs show`, `wait` and `cancel`): its id. */
export const jobIdArgs = { id: requiredArg('id', 'The job id (job- and 32 hex digits).') };
