import { Transform, Type } from 'class-transformer';
import {
  IsArray,
  IsEnum,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { DeliveryMethod } from '../../generated/prisma/enums';
import { OptionRowInput } from '../option-changes';
import { toWon, trim } from '../../shared/http/form-transforms';
import { MAX_WON, catalogPathOnly, toId, toWonOrZero } from './form-transforms';

const PRICE = '판매가는 0원 이상의 정수로 입력하세요.';
const EXTRA = '추가금은 0원 이상의 정수로 입력하세요.';
const TOO_MUCH = '10억 원 이하로 입력하세요.';

export class OptionRowForm implements OptionRowInput {
  @IsOptional()
  @Transform(toId)
  @IsInt({ message: '옵션 번호가 잘못되었습니다.' })
  id?: number;

  @Transform(trim)
  @IsString({ message: '옵션 이름을 입력하세요.' })
  @MaxLength(200, { message: '옵션 이름은 200자 이내로 입력하세요.' })
  name: string;

  // class-validator runs the lowest decorator first; stopAtFirstError then reports it.
  @Transform(toWonOrZero)
  @Max(MAX_WON, { message: TOO_MUCH })
  @Min(0, { message: EXTRA })
  @IsInt({ message: EXTRA })
  extraPrice: number;

  @IsOptional()
  @IsIn(['true'], { message: '삭제 표시 값이 잘못되었습니다.' })
  deleted?: 'true';

  @IsOptional()
  @IsIn(['true'], { message: '복원 표시 값이 잘못되었습니다.' })
  restore?: 'true';
}

export class ProductForm {
  @Transform(trim)
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]{0,49}$/, {
    message: '상품 코드는 영문, 숫자, . _ - 로 50자 이내입니다.',
  })
  code: string;

  @Transform(trim)
  @IsString({ message: '상품명을 입력하세요.' })
  @Length(1, 200, { message: '상품명을 1~200자로 입력하세요.' })
  name: string;

  @Transform(toId)
  @IsInt({ message: '분류를 선택하세요.' })
  categoryId: number;

  @Transform(toWon)
  @Max(MAX_WON, { message: TOO_MUCH })
  @Min(0, { message: PRICE })
  @IsInt({ message: PRICE })
  price: number;

  @IsEnum(DeliveryMethod, { message: '배송 방법을 선택하세요.' })
  deliveryMethod: DeliveryMethod;

  @IsOptional()
  @IsArray({ message: '옵션 목록이 잘못되었습니다.' })
  @ValidateNested({ each: true })
  @Type(() => OptionRowForm)
  options: OptionRowForm[] = [];
}

export class EditProductForm extends ProductForm {
  // The product's updatedAt when the form was opened: a save over someone else's newer save
  // is refused instead of silently undoing it.
  @IsISO8601({}, { message: '화면 정보가 잘못되었습니다. 새로고침 후 다시 시도하세요.' })
  updatedAt: string;
}

// Where to go back after deleting or restoring from the list, keeping its filters. Anything
// but a catalog page is dropped (the list is used instead), so it cannot become an open redirect.
export class SoftDeleteForm {
  @IsOptional()
  @Transform(catalogPathOnly)
  returnTo?: string;
}
