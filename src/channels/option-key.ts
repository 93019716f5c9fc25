// Channels write the same option with different spacing and separators
// ('사이즈: Q / 색상: 그레이' vs '사이즈:Q/색상:그레이'), so listings are keyed on a normal form.
export function optionKeyOf(optionText: string | null | undefined): string {
  return (optionText ?? '')
    .normalize('NFC')
    .replace(/\s+/g, '')
    .replace(/[：]/g, ':')
    .replace(/[,，]/g, '/')
    .toLowerCase()
    .slice(0, 191);
}
