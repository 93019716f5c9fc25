import { Transform } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, MaxLength, Min } from 'class-validator';
import { toInt, trimToUndefined } from '../../shared/http/form-transforms';

const YMD = /^\d{4}-\d{2}-\d{2}$/;
const YMD_MESSAGE = '날짜는 YYYY-MM-DD로 입력하세요.';

// "전체" in a channel picker arrives as an empty value.
const optionalInt = (input: { value: unknown }) => toInt({ value: trimToUndefined(input) });

export class PeriodQuery {
  @IsOptional()
  @Transform(optionalInt)
  @IsInt({ message: '채널을 선택하세요.' })
  @Min(1, { message: '채널을 선택하세요.' })
  channelId?: number;

  @IsOptional()
  @Transform(trimToUndefined)
  @Matches(YMD, { message: YMD_MESSAGE })
  from?: string;

  @IsOptional()
  @Transform(trimToUndefined)
  @Matches(YMD, { message: YMD_MESSAGE })
  to?: string;
}

export class DayQuery {
  @IsOptional()
  @Transform(trimToUndefined)
  @Matches(YMD, { message: YMD_MESSAGE })
  date?: string;
}

// Multipart fields of the tracking upload; the file itself comes through multer.
export class TrackingUploadForm {
  @IsOptional()
  @Transform(optionalInt)
  @IsInt({ message: '채널을 선택하세요.' })
  @Min(1, { message: '채널을 선택하세요.' })
  channelId?: number;

  @IsOptional()
  @IsString()
  @MaxLength(200, { message: '암호는 200자 이내로 입력하세요.' })
  password?: string;
}
