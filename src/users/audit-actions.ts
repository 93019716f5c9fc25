export const AUDIT_ACTIONS = {
  LOGIN: '로그인',
  LOGIN_FAILED: '로그인 실패',
  LOGIN_LOCKED: '로그인 잠금',
  LOGOUT: '로그아웃',
  REMEMBER_LOGIN: '자동 로그인',
  REMEMBER_TOKEN_THEFT: '자동 로그인 토큰 도용 의심',
  PASSWORD_CHANGED: '비밀번호 변경',
  USER_CREATED: '사용자 생성',
  USER_ROLE_CHANGED: '권한 변경',
  USER_DEACTIVATED: '사용자 비활성화',
  USER_ACTIVATED: '사용자 활성화',
  USER_PASSWORD_RESET: '비밀번호 초기화',
  POSTAL_OVERRIDE_SET: '우편번호 예외 규칙 지정',
  POSTAL_OVERRIDE_REMOVED: '우편번호 예외 규칙 삭제',
  CHANNEL_CREATED: '채널 추가',
  CHANNEL_DEACTIVATED: '채널 비활성화',
  CHANNEL_ACTIVATED: '채널 활성화',
  CHANNEL_LAYOUT_SAVED: '채널 양식 저장',
  REGION_RECLASSIFIED: '주문 배송 지역 재분류',
} as const;

export type AuditAction = keyof typeof AUDIT_ACTIONS;
