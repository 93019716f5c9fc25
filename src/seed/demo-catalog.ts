import { DeliveryMethod } from '../generated/prisma/enums';

// A believable mattress/bed maker's catalog, so the demo desk looks like the real thing.
export const DEMO_CATEGORIES = ['매트리스', '침대 프레임', '토퍼', '베개·침구', '보호 커버'];

const SIZES = [
  { name: 'SS', extra: 0 },
  { name: 'Q', extra: 200_000 },
  { name: 'K', extra: 350_000 },
];

function sizes(extraScale = 1, suffix = '') {
  return SIZES.map((s) => ({
    name: `사이즈: ${s.name}${suffix}`,
    extraPrice: Math.round(s.extra * extraScale),
  }));
}

function sizesAndColours(colours: string[], extraScale = 1) {
  return SIZES.slice(1).flatMap((s) =>
    colours.map((c) => ({
      name: `사이즈: ${s.name} / 색상: ${c}`,
      extraPrice: Math.round((s.extra - SIZES[1].extra) * extraScale),
    })),
  );
}

export const DEMO_PRODUCTS = [
  {
    code: 'MT-HYB-01',
    name: '슬립웨이브 7존 하이브리드 매트리스',
    category: '매트리스',
    price: 890_000,
    method: DeliveryMethod.OWN_TEAM,
    options: sizes(1, ' / 두께: 28cm'),
  },
  {
    code: 'MT-LTX-02',
    name: '에코라텍스 프리미엄 천연라텍스 매트리스',
    category: '매트리스',
    price: 1_290_000,
    method: DeliveryMethod.OWN_TEAM,
    options: sizes(1.4),
  },
  {
    code: 'MT-MEM-03',
    name: '클라우드폼 메모리폼 매트리스',
    category: '매트리스',
    price: 590_000,
    method: DeliveryMethod.OWN_TEAM,
    options: sizes(0.8),
  },
  {
    code: 'MT-BON-04',
    name: '하드케어 본넬스프링 매트리스',
    category: '매트리스',
    price: 420_000,
    method: DeliveryMethod.OWN_TEAM,
    options: sizes(0.6),
  },
  {
    code: 'BF-OAK-01',
    name: '오크 원목 로우베드 프레임',
    category: '침대 프레임',
    price: 690_000,
    method: DeliveryMethod.OWN_TEAM,
    options: sizesAndColours(['내추럴', '월넛']),
  },
  {
    code: 'BF-FAB-02',
    name: '모던 헤드보드 패브릭 호텔침대',
    category: '침대 프레임',
    price: 790_000,
    method: DeliveryMethod.OWN_TEAM,
    options: sizesAndColours(['그레이', '베이지']),
  },
  {
    code: 'BF-STR-03',
    name: '스토리지 수납형 침대 프레임',
    category: '침대 프레임',
    price: 850_000,
    method: DeliveryMethod.OWN_TEAM,
    options: sizesAndColours(['화이트', '그레이']),
  },
  {
    code: 'TP-MEM-01',
    name: '메모리폼 토퍼 5cm',
    category: '토퍼',
    price: 159_000,
    method: DeliveryMethod.COURIER,
    options: sizes(0.2),
  },
  {
    code: 'TP-LTX-02',
    name: '라텍스 토퍼 7cm',
    category: '토퍼',
    price: 249_000,
    method: DeliveryMethod.COURIER,
    options: sizes(0.3),
  },
  {
    code: 'PW-LTX-01',
    name: '라텍스 경추 베개',
    category: '베개·침구',
    price: 69_000,
    method: DeliveryMethod.COURIER,
    options: [
      { name: '높이: 낮음', extraPrice: 0 },
      { name: '높이: 높음', extraPrice: 5_000 },
    ],
  },
  {
    code: 'BD-SET-01',
    name: '호텔식 차렵이불 세트',
    category: '베개·침구',
    price: 129_000,
    method: DeliveryMethod.COURIER,
    options: sizesAndColours(['화이트', '차콜'], 0.1),
  },
  {
    code: 'AC-PRT-01',
    name: '방수 매트리스 커버',
    category: '보호 커버',
    price: 49_000,
    method: DeliveryMethod.COURIER,
    options: sizes(0.05),
  },
];

export const DEMO_CHANNELS = [
  { code: 'smartstore', name: '네이버 스마트스토어', kind: 'SMARTSTORE' as const },
  { code: 'showroom', name: '자체 매장', kind: 'SHOWROOM' as const },
  { code: 'hanbit', name: '한빛가구 (협력사)', kind: 'PARTNER' as const },
];
