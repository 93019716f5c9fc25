// One spelling per courier, as Korean marketplaces (SmartStore among them) list them, so the
// dispatch file names every parcel's courier the same way; the short and old names clerks and
// courier systems write are folded into it. A name we do not know is kept as written: a small
// regional courier must not stop a tracking upload.
const COURIERS: ReadonlyArray<{ name: string; aliases: readonly string[] }> = [
  { name: 'CJ대한통운', aliases: ['대한통운', 'CJ', 'CJ택배', 'CJGLS', 'CJ Logistics'] },
  { name: '롯데택배', aliases: ['롯데', '롯데글로벌로지스', '현대택배'] },
  { name: '한진택배', aliases: ['한진'] },
  { name: '우체국택배', aliases: ['우체국', '우체국소포', 'EPOST'] },
  { name: '로젠택배', aliases: ['로젠', 'LOGEN'] },
  { name: '경동택배', aliases: ['경동'] },
  { name: '대신택배', aliases: ['대신'] },
  { name: '일양로지스', aliases: ['일양', '일양택배'] },
  { name: '합동택배', aliases: ['합동'] },
  { name: '천일택배', aliases: ['천일'] },
  { name: '건영택배', aliases: ['건영'] },
  { name: 'CU 편의점택배', aliases: ['CU편의점', 'CU택배', 'CUPOST'] },
  { name: 'GS Postbox 택배', aliases: ['GS편의점택배', 'GS25편의점택배', 'CVSnet 편의점택배'] },
];

const squeeze = (text: string) => text.normalize('NFKC').replace(/\s+/g, '').toLowerCase();

const BY_SPELLING = new Map(
  COURIERS.flatMap(({ name, aliases }) =>
    [name, ...aliases].map((spelling) => [squeeze(spelling), name] as const),
  ),
);

export function courierName(written: string): string {
  const text = written.trim().replace(/\s+/g, ' ');
  return BY_SPELLING.get(squeeze(text)) ?? text;
}
