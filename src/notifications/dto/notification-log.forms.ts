import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Min } from 'class-validator';
import { NotificationStatus } from '../../generated/prisma/enums';
import { toInt } from '../../shared/http/form-transforms';

export const LOG_PATH = '/admin/notifications';

export class NotificationLogQuery {
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => value || undefined)
  @IsIn(Object.values(NotificationStatus), { message: '알 수 없는 상태입니다.' })
  status?: NotificationStatus;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  page: number = 1;
}

// The log page with its filter, to go back to; anything else is dropped so it cannot become an
// open redirect.
const logPathOnly = ({ value }: { value: unknown }) =>
  typeof value === 'string' && /^\/admin\/notifications(?:\?[^\s\\]*)?$/.test(value)
    ? value
    : undefined;

export class RetryForm {
  // The attempts the page showed: a second click on the same button finds them moved on.
  @Transform(toInt)
  @IsInt({ message: '화면 정보가 잘못되었습니다. 새로고침 후 다시 시도하세요.' })
  @Min(0)
  attempts: number;

  @IsOptional()
  @Transform(logPathOnly)
  returnTo?: string;
}
