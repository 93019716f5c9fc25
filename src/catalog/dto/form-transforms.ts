type Input = { value: unknown };

export const trim = ({ value }: Input) => (typeof value === 'string' ? value.trim() : value);

// Prices are typed as "890000" or "890,000"; anything else is left for the validator to refuse.
export const toWon = ({ value }: Input) =>
  typeof value === 'string' && /^\s*\d[\d,]*\s*$/.test(value)
    ? Number(value.replace(/[\s,]/g, ''))
    : value;

// An option's extra price may be left blank: it means no extra charge.
export const toWonOrZero = (input: Input) =>
  typeof input.value === 'string' && input.value.trim() === '' ? 0 : toWon(input);

// Nine digits at most: ids are 32-bit integers in the database.
export const toId = ({ value }: Input) =>
  typeof value === 'string' && /^\d{1,9}$/.test(value) ? Number(value) : value;

export const catalogPathOnly = ({ value }: Input) =>
  typeof value === 'string' && /^\/admin\/catalog(?:[/?][^\s\\]*)?$/.test(value)
    ? value
    : undefined;

export const MAX_WON = 1_000_000_000;
