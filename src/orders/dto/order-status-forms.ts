import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
} from 'class-validator';
import { ItemStatus } from '../../generated/prisma/enums';
import { toInt, toIntList, trimToUndefined } from '../../shared/http/form-transforms';
import { STALE_FORM } from './order-form-transforms';

// Enough for a day's work on one screen, small enough to finish within a request.
export const BULK_STATUS_LIMIT = 500;

export class StatusChangeForm {
  @IsEnum(ItemStatus, { message: '바꿀 상태를 선택하세요.' })
  to: ItemStatus;

  @Transform(toInt)
  @IsInt({ message: STALE_FORM })
  version: number;

  @IsOptional()
  @Transform(trimToUndefined)
  @IsString()
  @MaxLength(300, { message: '사유는 300자 이내로 입력하세요.' })
  reason?: string;
}

export class BulkStatusForm {
  @Transform(toIntList)
  @ArrayNotEmpty({ message: '상태를 바꿀 항목을 선택하세요.' })
  @ArrayMaxSize(BULK_STATUS_LIMIT, {
    message: `한 번에 ${BULK_STATUS_LIMIT}건까지 바꿀 수 있습니다. 나눠서 진행하세요.`,
  })
  @IsInt({ each: true, message: '선택한 항목 번호가 잘못되었습니다.' })
  itemIds: number[] = [];

  @IsEnum(ItemStatus, { message: '바꿀 상태를 선택하세요.' })
  to: ItemStatus;

  // The list page with its filters, to go back to; only order pages, so it cannot become an
  // open redirect.
  @IsOptional()
  @Matches(/^\/orders(?:\?[^\s\\]*)?$/, { message: '돌아갈 주소가 잘못되었습니다.' })
  returnTo?: string;
}
