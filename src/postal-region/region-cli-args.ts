// A code first (5 digits, or the old 123-456), then the address; or only an address.
export function parseRegionArgs(args: string[]): { postalCode?: string; address?: string } {
  const [first = '', ...rest] = args;
  const isCode = /^\d{3}-?\d{2,3}$/.test(first.trim());
  const address = (isCode ? rest : args).join(' ').trim();
  return { postalCode: isCode ? first.trim() : undefined, address: address || undefined };
}
