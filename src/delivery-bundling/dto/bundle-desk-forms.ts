import { Transform, Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  Min,
} from 'class-validator';
import { trim } from '../../shared/http/form-transforms';

export class BundleDeskQuery {
  @IsOptional()
  @IsIn(['open', 'closed'])
  view?: 'open' | 'closed';

  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(50)
  q?: string;

  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '날짜는 YYYY-MM-DD로 입력하세요.' })
  @IsISO8601({ strict: true }, { message: '없는 날짜입니다. 날짜를 다시 고르세요.' })
  date?: string;

  @IsOptional()
  @IsIn(['1'])
  late?: '1';

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  page?: number;
}

// The desk as the clerk left it (tab, filters, page), to go back to; only desk pages, so it
// cannot become an open redirect.
export class DeskReturnForm {
  @IsOptional()
  @Matches(/^\/delivery\/bundles(?:\?[^\s\\]*)?$/, { message: '돌아갈 주소가 잘못되었습니다.' })
  returnTo?: string;
}

export class MergeForm extends DeskReturnForm {
  @Type(() => Number)
  @IsInt({ message: '합칠 묶음 번호를 숫자로 입력하세요.' })
  @Min(1, { message: '합칠 묶음 번호를 숫자로 입력하세요.' })
  intoId: number;
}

export class ReopenForm extends DeskReturnForm {
  @Transform(trim)
  @IsString({ message: '다시 여는 이유를 적어 주세요.' })
  reason: string;
}
