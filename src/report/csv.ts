/** One CSV cell: quoted when it holds a comma, a quote or a line break (RFC 4180). */
export const csvCell = (v: unknown) => {
  const s = v === undefined || v === null ? '' : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** Rows of cells as CSV text, one line each, ending with a line break. */
export const csvText = (rows: readonly (readonly unknown[])[]) => rows.map((r) => r.map(csvCell).join(',')).join('\n') + '\n';
