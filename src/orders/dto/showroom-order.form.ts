import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { toInt, toWon, trim, trimToUndefined } from '../../shared/http/form-transforms';
import { STALE_FORM } from './order-form-transforms';

export const SHOWROOM_MAX_ITEMS = 20;

const QUANTITY = '수량은 1~999 사이의 정수로 입력하세요.';
const PRICE = '단가는 0원~1억 원 사이의 정수로 입력하세요.';
const PHONE = /^0\d{1,3}-?\d{3,4}-?\d{4}$/;
const PHONE_MESSAGE = '연락처를 010-1234-5678 형식으로 입력하세요.';
const DATE_MESSAGE = '배송희망일을 YYYY-MM-DD 형식으로 입력하세요.';

// A select or box left empty arrives as "": no option, or the catalog price.
const optionalInt = ({ value }: { value: unknown }) => toInt({ value: trimToUndefined({ value }) });
const optionalWon = ({ value }: { value: unknown }) => toWon({ value: trimToUndefined({ value }) });

export class ShowroomItemForm {
  @Transform(toInt)
  @IsInt({ message: '상품을 선택하세요.' })
  productId: number;

  @IsOptional()
  @Transform(optionalInt)
  @IsInt({ message: '옵션을 다시 선택하세요.' })
  optionId?: number;

  @Transform(toInt)
  @Max(999, { message: QUANTITY })
  @Min(1, { message: QUANTITY })
  @IsInt({ message: QUANTITY })
  quantity: number;

  // Editable for showroom discounts; left empty, the catalog price (product + option) applies.
  @IsOptional()
  @Transform(optionalWon)
  @Max(100_000_000, { message: PRICE })
  @Min(0, { message: PRICE })
  @IsInt({ message: PRICE })
  unitPrice?: number;
}

export class ShowroomOrderForm {
  // One per opened form: a second submit of the same form must not create a second order.
  @IsUUID('4', { message: STALE_FORM })
  formId: string;

  @IsOptional()
  @Transform(trimToUndefined)
  @IsString()
  @MaxLength(100, { message: '주문자는 100자 이내로 입력하세요.' })
  buyerName?: string;

  @IsOptional()
  @Transform(trimToUndefined)
  @Matches(PHONE, { message: PHONE_MESSAGE })
  buyerPhone?: string;

  @Transform(trim)
  @IsString({ message: '수령인을 입력하세요.' })
  @Length(1, 100, { message: '수령인을 1~100자로 입력하세요.' })
  recipientName: string;

  @Transform(trim)
  @Matches(PHONE, { message: PHONE_MESSAGE })
  recipientPhone: string;

  // The region (시/도, 시/군/구) is read from it, so a showroom order always carries one.
  @Transform(trim)
  @Matches(/^\d{5}$/, { message: '우편번호는 5자리 숫자로 입력하세요.' })
  postalCode: string;

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
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: DATE_MESSAGE })
  @IsISO8601({ strict: true }, { message: DATE_MESSAGE })
  requestedDate?: string;

  @IsOptional()
  @Transform(trimToUndefined)
  @IsString()
  @MaxLength(500, { message: '메모는 500자 이내로 입력하세요.' })
  memo?: string;

  @IsArray({ message: '상품을 한 개 이상 추가하세요.' })
  @ArrayMinSize(1, { message: '상품을 한 개 이상 추가하세요.' })
  @ArrayMaxSize(SHOWROOM_MAX_ITEMS, {
    message: `한 주문서에 상품은 ${SHOWROOM_MAX_ITEMS}개까지 넣을 수 있습니다.`,
  })
  @ValidateNested({ each: true })
  @Type(() => ShowroomItemForm)
  items: ShowroomItemForm[];
}
