import { Transform } from 'class-transformer';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { trim } from '../shared/http/form-transforms';

export class RegionLookupQuery {
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(20)
  postalCode?: string;

  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(300)
  address?: string;
}

export class OverrideForm {
  @Transform(trim)
  @IsString({ message: '우편번호를 입력하세요.' })
  postalCode: string;

  @Transform(trim)
  @IsString({ message: '시/도를 입력하세요.' })
  sido: string;

  @Transform(trim)
  @IsString()
  sigungu: string = '';

  @IsOptional()
  @Transform(trim)
  @IsString()
  gu?: string;

  @Transform(trim)
  @IsString({ message: '사유를 입력하세요.' })
  @MaxLength(300, { message: '사유는 300자 이내로 입력하세요.' })
  reason: string;
}

export class RemoveOverrideForm {
  @Transform(trim)
  @IsString({ message: '삭제 사유를 입력하세요.' })
  @MaxLength(300, { message: '사유는 300자 이내로 입력하세요.' })
  reason: string;
}
