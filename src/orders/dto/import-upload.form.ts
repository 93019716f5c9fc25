import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, MaxLength, Min } from 'class-validator';

export class ImportUploadForm {
  @Type(() => Number)
  @IsInt({ message: '채널을 선택하세요.' })
  @Min(1, { message: '채널을 선택하세요.' })
  channelId: number;

  @IsOptional()
  @IsString()
  @MaxLength(200)
  password?: string;
}
