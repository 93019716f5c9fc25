import { Transform } from 'class-transformer';
import { IsISO8601, IsInt, Matches } from 'class-validator';
import { toInt, trim } from '../shared/http/form-transforms';

const DATE = '날짜를 YYYY-MM-DD 형식으로 입력하세요.';

export class PartnerStatementQuery {
  @Transform(toInt)
  @IsInt({ message: '협력사를 선택하세요.' })
  channelId: number;

  @Transform(trim)
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: DATE })
  @IsISO8601({ strict: true }, { message: DATE })
  date: string;
}
