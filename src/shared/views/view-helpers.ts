import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import hbs from 'hbs';
import { formatDate, formatDateTime, formatWon } from './formatting';

// Partials are read synchronously at start-up: hbs's own registerPartials is asynchronous and
// the first request could render before they exist.
function registerPartialsFrom(dir: string, root = dir): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) registerPartialsFrom(path, root);
    else if (entry.name.endsWith('.hbs')) {
      const name = relative(root, path)
        .replace(/\.hbs$/, '')
        .split('\\')
        .join('/');
      hbs.registerPartial(name, readFileSync(path, 'utf8'));
    }
  }
}

let registered = false;

export function registerViewHelpers(partialsDir: string): void {
  registerPartialsFrom(partialsDir);
  if (registered) return;
  registered = true;
  const helpers = {
    eq: (a: unknown, b: unknown) => String(a) === String(b),
    not: (a: unknown) => !a,
    or: (...args: unknown[]) => args.slice(0, -1).some(Boolean),
    and: (...args: unknown[]) => args.slice(0, -1).every(Boolean),
    dateTime: (value: unknown) => formatDateTime(value),
    date: (value: unknown) => formatDate(value),
    won: (value: unknown) => formatWon(value),
    json: (value: unknown) => (value === null || value === undefined ? '' : JSON.stringify(value)),
  };
  for (const [name, fn] of Object.entries(helpers)) hbs.registerHelper(name, fn);
}
