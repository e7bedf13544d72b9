import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { AetherError, parseSettings } from '@aetherquant/core';
import { parseEnvFile } from '@aetherquant/workflows';
import { PRODUCTION_ENV_TEMPLATE, PRODUCTION_ENV_TEMPLATE_FILE } from './production-env-template';

export interface ProductionEnvTemplate {
  text: string;
  /** The file it came from, or `built-in` for {@link PRODUCTION_ENV_TEMPLATE}. */
  source: string;
}

/**
 * The template of a production env file: the working directory's `.env.production.example` when there is
 * one (an operator's own edits win), else the copy built into the CLI.
 */
export async function readProductionEnvTemplate(cwd: string): Promise<ProductionEnvTemplate> {
  const file = resolve(cwd, PRODUCTION_ENV_TEMPLATE_FILE);
  try {
    return { text: await readFile(file, 'utf8'), source: file };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    return { text: PRODUCTION_ENV_TEMPLATE, source: 'built-in' };
  }
}

/**
 * The template with `values` filled in: each variable's `NAME=…` line replaced in place (comments and
 * order kept), or appended when the template lacks it. Values are written unquoted, so callers pass only
 * text without whitespace (keys and URLs are checked before).
 */
export function fillEnvTemplate(template: string, values: Readonly<Record<string, string>>): string {
  let text = template.replace(/^\uFEFF/, '');
  for (const [name, value] of Object.entries(values)) {
    const line = new RegExp(`^[ \\t]*(?:export[ \\t]+)?${name}[ \\t]*=.*$`, 'm');
    // A function replacement, so `$` in a value is never read as a pattern.
    if (line.test(text)) text = text.replace(line, () => `${name}=${value}`);
    else text = `${text}${text === '' || text.endsWith('\n') ? '' : '\n'}${name}=${value}\n`;
  }
  return text;
}

/**
 * Checks a filled-in env file as the server will read it, so the operator learns of a bad template or
 * `--database-url` now rather than at start-up. Fields are named as `rename` says (a flag, where one set
 * the value); secrets are never quoted.
 */
export function checkProductionEnv(
  text: string,
  fileName: string,
  rename: (field: string) => string,
): Record<string, string> {
  const values = parseEnvFile(text, fileName);
  try {
    parseSettings(values);
  } catch (error) {
    if (error instanceof AetherError) {
      throw AetherError.invalid(
        (error.details?.violations ?? []).map((violation) => ({
          ...violation,
          field: rename(violation.field),
        })),
        `${fileName} would not be valid`,
      );
    }
    throw error;
  }
  return values;
}
