import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  IsISO8601,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  Min,
} from 'class-validator';
import { toInt, toIntList, trim, trimToUndefined } from '../../shared/http/form-transforms';

const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MESSAGE = '날짜는 YYYY-MM-DD로 입력하세요.';
// More stops than one truck carries in a day: a form asking for more was not made by a page.
const MAX_STOPS_PER_POST = 500;

export class RunDayQuery {
  @IsOptional()
  @Matches(DAY_PATTERN, { message: DAY_MESSAGE })
  @IsISO8601({ strict: true }, { message: DAY_MESSAGE })
  date?: string;
}

// The district whose bundles the run page offers; kept through the page's own forms.
export class RunPageQuery {
  @IsOptional()
  @IsString()
  @MaxLength(20)
  sido?: string;

  @IsOptional()
  @IsString()
  @MaxLength(40)
  sigungu?: string;
}

export class EditRunForm {
  @Transform(toInt)
  @IsInt({ message: '배송 기사를 고르세요.' })
  driverId: number;

  @Transform(trimToUndefined)
  @IsOptional()
  @IsString()
  @MaxLength(100, { message: '이름은 100자 이내로 입력하세요.' })
  name?: string;
}

export class CreateRunForm extends EditRunForm {
  @Transform(trim)
  @Matches(DAY_PATTERN, { message: DAY_MESSAGE })
  @IsISO8601({ strict: true }, { message: DAY_MESSAGE })
  date: string;
}

export class AddStopsForm {
  @Transform(toIntList)
  @ArrayNotEmpty({ message: '추가할 묶음을 고르세요.' })
  @ArrayMaxSize(MAX_STOPS_PER_POST, { message: '한 번에 500곳까지 추가할 수 있습니다.' })
  @IsInt({ each: true, message: '추가할 묶음을 고르세요.' })
  bundleIds: number[];
}

// `from` is the position the page showed, so a move from an outdated page is refused.
export class MoveStopForm {
  @Transform(toInt)
  @IsInt({ message: '화면이 오래되었습니다. 새로고침 후 다시 시도하세요.' })
  @Min(1, { message: '화면이 오래되었습니다. 새로고침 후 다시 시도하세요.' })
  from: number;

  @Transform(toInt)
  @IsInt({ message: '순서를 숫자로 입력하세요.' })
  @Min(1, { message: '순서는 1 이상으로 입력하세요.' })
  to: number;
}
