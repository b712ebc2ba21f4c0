import { parse } from 'csv-parse/sync';
import type { ImportEntity, ImportError, SourceRow } from './import-report';
import { IMPORT_FIELDS, KEY_FIELD, REQUIRED_FIELDS, rowError } from './import-rows';

/*
 * A CSV file of an import, turned into rows of the same shape as the JSON form. Files come from
 * spreadsheets: a UTF-8 byte order mark, `;` as the separator (Excel in an Indonesian locale),
 * headers written as "Parent Code" or parent_code, trailing empty columns and rows, and values
 * with commas in quotes are all expected and handled.
 */

const TRUE = new Set(['true', 'ya', 'yes', 'y', '1']);
const FALSE = new Set(['false', 'tidak', 'no', 'n', '0']);

/** "Parent Code", parent_code and PARENTCODE all name parentCode. */
const normalizeHeader = (name: string) => name.replace(/[^a-z0-9]/gi, '').toLowerCase();

/** The separator of the file: the one the header line uses most, outside quotes (default a comma). */
export function detectDelimiter(text: string): string {
  const counts = new Map([[',', 0], [';', 0], ['\t', 0]]);
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  let best = ',';
  for (const [ch, n] of counts) if (n > counts.get(best)!) best = ch;
  return best;
}

/** A cell as the JSON form would carry it: booleans for isUnitHead, a list for roles; text otherwise. */
function cellValue(field: string, cell: string): unknown {
  if (field === 'isUnitHead') {
    const v = cell.toLowerCase();
    return TRUE.has(v) ? true : FALSE.has(v) ? false : cell;
  }
  if (field === 'roles') return cell.split(/[;|,\s]+/).filter((r) => r !== '');
  return cell;
}

export interface CsvRows {
  rows: SourceRow[];
  errors: ImportError[];
}

/** The rows of one CSV file; problems of the file itself (encoding, header, broken quotes) come back as errors. */
export function csvRows(entity: ImportEntity, data: Buffer): CsvRows {
  const fileError = (message: string, extra: Partial<ImportError> = {}): CsvRows => ({
    rows: [],
    errors: [{ entity, row: null, line: 1, key: null, field: null, value: null, message, ...extra }],
  });
  if (data.length >= 2 && ((data[0] === 0xff && data[1] === 0xfe) || (data[0] === 0xfe && data[1] === 0xff))) {
    return fileError('the file is UTF-16 text; save it as "CSV UTF-8"');
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    return fileError('the file is not UTF-8 text; save it as "CSV UTF-8"');
  }

  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      bom: true,
      delimiter: detectDelimiter(text.replace(/^\uFEFF/, '')),
      info: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      trim: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (err) {
    const line = (err as { lines?: unknown }).lines;
    return fileError(`the file is not valid CSV: ${(err as Error).message}`, typeof line === 'number' ? { line } : {});
  }
  // Spreadsheets export rows of empty cells below the data; they are not rows.
  const filled = records.filter(({ record }) => record.some((cell) => cell !== ''));
  if (filled.length === 0) return fileError(`the file is empty; its first line must be a header naming the columns (${IMPORT_FIELDS[entity].join(', ')})`);

  const [header, ...data_] = filled;
  const known = new Map(IMPORT_FIELDS[entity].map((f) => [normalizeHeader(f), f as string]));
  const errors: ImportError[] = [];
  const headerLine = startLine(header);
  const headerError = (field: string | null, value: unknown, message: string) =>
    errors.push({ entity, row: null, line: headerLine, key: null, field, value, message });

  const columns: (string | null)[] = header.record.map((name, i) => {
    if (name === '') return null; // an unnamed column is checked row by row: it must stay empty
    const field = known.get(normalizeHeader(name));
    if (!field) {
      headerError(name, name, `unknown column "${name}"; the columns of ${entity} are ${IMPORT_FIELDS[entity].join(', ')}`);
      return null;
    }
    if (header.record.slice(0, i).some((earlier) => known.get(normalizeHeader(earlier)) === field)) {
      headerError(field, name, `the column ${field} appears twice`);
      return null;
    }
    return field;
  });
  const missing = REQUIRED_FIELDS[entity].filter((f) => !columns.includes(f));
  for (const field of missing) headerError(field, null, `the header has no column ${field}; the columns of ${entity} are ${IMPORT_FIELDS[entity].join(', ')}`);
  // Without a required column every row would fail the same way: the header error says it once.
  if (missing.length > 0) return { rows: [], errors };

  const rows = data_.map(({ record, info }, i): SourceRow => {
    const at = { row: i + 1, line: startLine({ record, info }) };
    const values: Record<string, unknown> = {};
    const stray: [column: number, cell: string][] = [];
    record.forEach((cell, c) => {
      const field = columns[c];
      if (cell === '') return;
      if (field) values[field] = cellValue(field, cell);
      else if (c >= header.record.length || header.record[c] === '') stray.push([c, cell]);
    });
    const key = values[KEY_FIELD[entity]];
    for (const [c, cell] of stray) {
      errors.push(
        rowError(entity, at, key, null, cell, `the row has a value in column ${c + 1}, which the header does not name (quote values that contain the separator)`),
      );
    }
    return { ...at, values };
  });
  return { rows, errors };
}

/** csv-parse counts the line a record ends on; a quoted value may span lines. */
function startLine({ record, info }: { record: string[]; info: { lines: number } }): number {
  const breaks = record.reduce((n, cell) => n + (cell.match(/\n/g)?.length ?? 0), 0);
  return info.lines - breaks;
}
