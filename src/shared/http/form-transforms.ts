// class-transformer helpers shared by every form and query DTO.
type Input = { value: unknown };

export const trim = ({ value }: Input) => (typeof value === 'string' ? value.trim() : value);

// An optional box left empty arrives as "": it means "none", not an invalid value.
export const trimToUndefined = (input: Input) => {
  const value = trim(input);
  return value === '' ? undefined : value;
};

export const toInt = ({ value }: Input) =>
  typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : value;

// Prices are typed as "890000" or "890,000"; anything else is left for the validator to refuse.
export const toWon = ({ value }: Input) =>
  typeof value === 'string' && /^\s*\d[\d,]*\s*$/.test(value)
    ? Number(value.replace(/[\s,]/g, ''))
    : value;

// Checkboxes send one value as a string and several as an array.
export const toIntList = ({ value }: Input) =>
  (Array.isArray(value) ? value : value === undefined ? [] : [value]).map((v: unknown) =>
    toInt({ value: v }),
  );
