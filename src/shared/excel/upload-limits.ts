const MB = 1024 * 1024;

export interface UploadLimits {
  /** Size of the uploaded file itself. */
  maxFileBytes: number;
  /** Sum of the sizes the zip entries unpack to; ExcelJS spills whole worksheets to disk. */
  maxUnpackedBytes: number;
  /** Unpacked ÷ packed; real workbooks stay far below, zip bombs far above. */
  maxCompressionRatio: number;
  maxZipEntries: number;
  /** Data rows one import may hold. */
  maxRows: number;
}

export const DEFAULT_UPLOAD_LIMITS: Readonly<UploadLimits> = Object.freeze({
  // A 100,000-row SmartStore download is about 27 MB and unpacks to about 175 MB; these leave
  // room for the 200,000-row cap.
  maxFileBytes: 64 * MB,
  maxUnpackedBytes: 512 * MB,
  maxCompressionRatio: 100,
  maxZipEntries: 1_000,
  maxRows: 200_000,
});

export function uploadLimits(overrides: Partial<UploadLimits> = {}): UploadLimits {
  return { ...DEFAULT_UPLOAD_LIMITS, ...overrides };
}

export function megabytes(bytes: number): string {
  return `${Math.round(bytes / MB)}MB`;
}
