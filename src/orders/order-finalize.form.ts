import { Transform } from 'class-transformer';
import { IsInt, IsString, MaxLength } from 'class-validator';
import { toInt, trim } from '../shared/http/form-transforms';
import { STALE_FORM } from './dto/order-form-transforms';

// The numbers stay text here: parseFinalInput (order-finalize.ts) reads them with the
// business limits and its own messages.
export class FinalizeForm {
  @Transform(trim)
  @IsString({ message: '최종 수량을 입력하세요.' })
  @MaxLength(20, { message: '최종 수량을 확인하세요.' })
  finalQuantity: string;

  @Transform(trim)
  @IsString({ message: '최종 금액을 입력하세요.' })
  @MaxLength(20, { message: '최종 금액을 확인하세요.' })
  finalAmount: string;

  @Transform(toInt)
  @IsInt({ message: STALE_FORM })
  version: number;
}
