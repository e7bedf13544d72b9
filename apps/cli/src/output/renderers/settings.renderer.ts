import { type Settings } from '@aetherquant/core';
import { MISSING } from '@aetherquant/core';
import { type ReportRenderer } from '../report-renderer';
import { renderTable } from '../table';

/** Nested settings as `api.port`-style names and their values as text, in the order the settings hold them. */
export function settingRows(value: unknown, prefix = ''): { name: string; value: string }[] {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    return Object.entries(value).flatMap(([key, nested]) =>
      settingRows(nested, prefix ? `${prefix}.${key}` : key),
    );
  }
  const text =
    value === null || value === undefined
      ? MISSING
      : Array.isArray(value)
        ? value.length === 0
          ? '(none)'
          : value.map(String).join(', ')
        : String(value);
  return [{ name: prefix, value: text }];
}

/** `settings`: every setting a line, secrets already masked by the command. */
export const settingsRenderer: ReportRenderer<Settings> = {
  script: 'json',
  human: (settings, terminal) =>
    renderTable(
      [
        { header: 'Setting', cell: (row) => row.name },
        { header: 'Value', cell: (row) => row.value, overflow: 'wrap' },
      ],
      settingRows(settings),
      terminal,
    ),
};
