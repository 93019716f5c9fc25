export interface RawRow {
  /** The row number Excel shows (the record number in a CSV), so messages can point at it. */
  rowNumber: number;
  /** Trimmed text from the first column on; may be shorter than the header row. */
  cells: string[];
}
