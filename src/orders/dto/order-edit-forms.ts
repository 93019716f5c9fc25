import { Transform } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  Length,
  Matches,
  MaxLength,
} from 'class-validator';
import type { RecipientFields } from '../order-recipient-changes';
import { toInt, trim, trimToUndefined } from '../../shared/http/form-transforms';
import { formatPhone } from '../intake/intake-values';
import { STALE_FORM } from './order-form-transforms';

export class RecipientForm {
  @Transform(trim)
  @IsString({ message: '수령인을 입력하세요.' })
  @Length(1, 100, { message: '수령인을 1~100자로 입력하세요.' })
  recipientName: string;

  // Mobile, landline and the channels' 050x safe numbers, with or without hyphens.
  @Transform(trim)
  @Matches(/^0\d{1,3}-?\d{3,4}-?\d{4}$/, { message: '연락처를 010-1234-5678 형식으로 입력하세요.' })
  recipientPhone: string;

  // Five digits since 2015; old six-digit codes still arrive on partner orders.
  @IsOptional()
  @Transform(trimToUndefined)
  @Matches(/^(?:\d{5}|\d{3}-?\d{3})$/, { message: '우편번호는 5자리 숫자로 입력하세요.' })
  postalCode?: string;

  @Transform(trim)
  @IsString({ message: '주소를 입력하세요.' })
  @Length(1, 300, { message: '주소를 1~300자로 입력하세요.' })
  address: string;

  @IsOptional()
  @Transform(trimToUndefined)
  @IsString()
  @MaxLength(200, { message: '상세주소는 200자 이내로 입력하세요.' })
  addressDetail?: string;

  @IsOptional()
  @Transform(trimToUndefined)
  @IsISO8601({ strict: true }, { message: '배송희망일을 YYYY-MM-DD 형식으로 입력하세요.' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '배송희망일을 YYYY-MM-DD 형식으로 입력하세요.' })
  requestedDate?: string;

  @IsOptional()
  @Transform(trimToUndefined)
  @IsString()
  @MaxLength(500, { message: '메모는 500자 이내로 입력하세요.' })
  memo?: string;

  @Transform(toInt)
  @IsInt({ message: STALE_FORM })
  version: number;
}

// The day the customer asked for is a calendar day, kept at UTC midnight in a DATE column.
export function toRecipientFields(form: RecipientForm): RecipientFields {
  return {
    recipientName: form.recipientName,
    // Stored as intake stores it, so the next download does not read it as a change.
    recipientPhone: formatPhone(form.recipientPhone),
    postalCode: form.postalCode ?? null,
    address: form.address,
    addressDetail: form.addressDetail ?? null,
    requestedDate: form.requestedDate ? new Date(`${form.requestedDate}T00:00:00Z`) : null,
    memo: form.memo ?? null,
  };
}

export class DoNotCombineForm {
  @IsIn(['true', 'false'], { message: '묶음배송 값이 잘못되었습니다.' })
  doNotCombine: 'true' | 'false';

  @Transform(toInt)
  @IsInt({ message: STALE_FORM })
  version: number;
}
