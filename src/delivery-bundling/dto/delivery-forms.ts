import { Transform } from 'class-transformer';
import {
  IsEnum,
  IsISO8601,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';
import { BundleStatus } from '../../generated/prisma/enums';
import { trim } from '../../shared/http/form-transforms';

const STALE_PAGE = '화면이 오래되었습니다. 새로고침 후 다시 시도하세요.';

export class DeliveryQuery {
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '날짜는 YYYY-MM-DD로 입력하세요.' })
  @IsISO8601({ strict: true }, { message: '없는 날짜입니다. 날짜를 다시 고르세요.' })
  date?: string;

  @IsOptional()
  @IsString()
  @MaxLength(20)
  sido?: string;

  @IsOptional()
  @IsString()
  @MaxLength(40)
  sigungu?: string;
}

// The bundle status the driver's page showed: a tap on an outdated page is refused.
export class DeliveredForm {
  @IsEnum(BundleStatus, { message: STALE_PAGE })
  status: BundleStatus;
}

export class FailedForm extends DeliveredForm {
  @Transform(trim)
  @IsString({ message: '실패 사유를 입력하세요.' })
  @MinLength(1, { message: '실패 사유를 입력하세요.' })
  @MaxLength(300, { message: '실패 사유는 300자 이내로 입력하세요.' })
  reason: string;
}
