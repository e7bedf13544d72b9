// Commands whose output is already text for a person to read or copy (keys, a file written, a spec): the
// same lines for a script and for a terminal.

import { type ReportRenderer } from '../report-renderer';

/** The same text for scripts and people. */
function asText<View>(text: (view: View) => string): ReportRenderer<View> {
  return { script: text, human: (view) => text(view) };
}

/** `keys generate`: the keys, then the same keys as ready-to-paste settings lines. */
export interface GeneratedKeysView {
  trader_key: string;
  admin_key?: string;
}

export const generatedKeysRenderer = asText<GeneratedKeysView>((keys) => {
  const lines = [`TRADER_KEY=${keys.trader_key}`];
  if (keys.admin_key !== undefined) lines.push(`ADMIN_KEY=${keys.admin_key}`);
  lines.push(`AETHERQ_API_KEY=${keys.trader_key}`);
  if (keys.admin_key !== undefined) lines.push(`AETHERQ_ADMIN_API_KEY=${keys.admin_key}`);
  return lines.join('\n');
});

/** `env production`: the file written and its template; generated keys, shown this once. */
export interface EnvFileView {
  output: string;
  /** A file's absolute path, or `built-in`. */
  template: string;
  trader_key?: string;
  admin_key?: string;
}

export const envFileRenderer = asText<EnvFileView>((written) => {
  const from = written.template === 'built-in' ? 'the built-in template' : written.template;
  const lines = [`wrote ${written.output} (mode 0600) from ${from}`];
  // Shown once: the file is the only other copy.
  if (written.trader_key !== undefined)
    lines.push(`TRADER_KEY=${written.trader_key}\nADMIN_KEY=${written.admin_key}`);
  return lines.join('\n');
});

/** `strategy new`: the files written, and what to run next. */
export interface ScaffoldedView {
  strategy: string;
  /** The strategy file, its spec and the README. */
  files: string[];
}

export const scaffoldedRenderer = asText<ScaffoldedView>(({ strategy, files }) => {
  const [strategyPath, specPath, readme] = files;
  return `wrote ${strategyPath}\nwrote ${specPath}\nadded ${strategy} to ${readme}\nnext: aetherquant strategy check ${strategyPath}`;
});

/** `runs spec`: the spec as the file asked for (YAML or JSON), to save and rerun with --config. */
export interface RunSpecView {
  text: string;
}

export const runSpecRenderer = asText<RunSpecView>((spec) => spec.text);

/** `db init`: the status, one JSON line for scripts. */
export const databaseReadyRenderer: ReportRenderer<{ status: 'ok' }> = {
  script: 'json-line',
  human: () => 'The database schema is up to date.',
};
