export const STALE_FORM = '화면 정보가 잘못되었습니다. 새로고침 후 다시 시도하세요.';
