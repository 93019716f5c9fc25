import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Length, Max, MaxLength, Min } from 'class-validator';
import type { AddOnInput } from '../order-claims.service';
import { CLAIM_KINDS, ClaimKind } from '../order-transition';
import { toInt, toWon, trim, trimToUndefined } from '../../shared/http/form-transforms';
import { STALE_FORM } from './order-form-transforms';

const QUANTITY = '수량은 1~999 사이의 정수로 입력하세요.';
const PRICE = '단가는 0원~1억 원 사이의 정수로 입력하세요.';

export class ClaimForm {
  @IsIn(CLAIM_KINDS, { message: '접수할 클레임을 선택하세요.' })
  kind: ClaimKind;

  @Transform(trim)
  @IsString({ message: '사유를 입력하세요.' })
  @Length(1, 300, { message: '사유를 1~300자로 입력하세요.' })
  reason: string;

  @Transform(toInt)
  @IsInt({ message: STALE_FORM })
  version: number;
}

export class AddOnForm {
  @Transform(toInt)
  @IsInt({ message: '연결할 주문 항목을 선택하세요.' })
  amendsItemId: number;

  @Transform(trim)
  @IsString({ message: '상품명을 입력하세요.' })
  @Length(1, 200, { message: '상품명을 1~200자로 입력하세요.' })
  productName: string;

  @IsOptional()
  @Transform(trimToUndefined)
  @IsString()
  @MaxLength(300, { message: '옵션은 300자 이내로 입력하세요.' })
  optionName?: string;

  @Transform(toInt)
  @IsInt({ message: QUANTITY })
  @Min(1, { message: QUANTITY })
  @Max(999, { message: QUANTITY })
  quantity: number;

  @Transform(toWon)
  @IsInt({ message: PRICE })
  @Min(0, { message: PRICE })
  @Max(100_000_000, { message: PRICE })
  unitPrice: number;

  @IsOptional()
  @Transform(trimToUndefined)
  @IsString()
  @MaxLength(300, { message: '메모는 300자 이내로 입력하세요.' })
  note?: string;
}

export function toAddOnInput(form: AddOnForm): AddOnInput {
  return {
    amendsItemId: form.amendsItemId,
    productName: form.productName,
    optionName: form.optionName ?? null,
    quantity: form.quantity,
    unitPrice: form.unitPrice,
    reason: form.note ?? null,
  };
}
