export type SqlValue = string | number | boolean | Date | null;

// Text that needs any escaping is written as a hex literal with a character-set introducer
// (_utf8mb4 X'…'): it reads back byte for byte whatever the server's sql_mode (a backslash
// escape would turn into text, or worse, under NO_BACKSLASH_ESCAPES), and still compares by
// the column's collation. Plain text, the common case, stays a quoted literal.
// eslint-disable-next-line no-control-regex -- NUL and Ctrl-Z are among the characters to avoid
const SPECIAL = /[\0\x1a"'\\\b\n\r\t]/;

// Dates as the session (forced to UTC) stores them, to the millisecond of DATETIME(3).
function utc(date: Date): string {
  const iso = date.toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 23)}`;
}

/**
 * One value as a MariaDB literal. Bulk intake builds its multi-row INSERTs as text: binding
 * a hundred thousand rows' parameters one by one through Prisma costs more than the inserts.
 */
export function sqlLiteral(value: SqlValue): string {
  if (value === null) return 'NULL';
  switch (typeof value) {
    case 'string':
      return SPECIAL.test(value)
        ? `_utf8mb4 X'${Buffer.from(value, 'utf8').toString('hex')}'`
        : `'${value}'`;
    case 'number':
      if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
      return String(value);
    case 'boolean':
      return value ? '1' : '0';
    default:
      if (Number.isNaN(value.getTime())) throw new RangeError('invalid date');
      return `'${utc(value)}'`;
  }
}

/** `(a, b), (c, d)`: the VALUES list of a multi-row INSERT. */
export function sqlTuples(rows: ReadonlyArray<readonly SqlValue[]>): string {
  // Plain concatenation: a hundred thousand rows make no intermediate arrays.
  let sql = '';
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    sql += r ? ', (' : '(';
    for (let c = 0; c < row.length; c++) sql += c ? `, ${sqlLiteral(row[c])}` : sqlLiteral(row[c]);
    sql += ')';
  }
  return sql;
}
