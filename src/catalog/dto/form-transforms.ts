import { toWon } from '../../shared/http/form-transforms';

type Input = { value: unknown };

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
