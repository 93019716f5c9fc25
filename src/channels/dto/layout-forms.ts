import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsObject, IsOptional, IsString, MaxLength } from 'class-validator';

// A single hidden input arrives as a string, several as an array.
const toList = ({ value }: { value: unknown }) =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

/** Comma-separated aliases per field: `aliases[<field>]`, checked by layoutFromAliasText. */
export class LayoutForm {
  @IsObject({ message: '별칭 값이 잘못되었습니다.' })
  aliases: Record<string, unknown>;
}

export class SampleUploadForm {
  @IsOptional()
  @IsString()
  @MaxLength(200)
  password?: string;
}

// The sample's header texts travel back in hidden inputs (the file itself is not kept), and
// each of our fields names one of them: `picks[<field>]`, checked by layoutFromPicks.
export class MappingForm {
  // class-validator runs the lowest decorator first; stopAtFirstError then reports it.
  @Transform(toList)
  @MaxLength(500, { each: true, message: '제목이 너무 깁니다.' })
  @IsString({ each: true, message: '파일의 제목 행 정보가 잘못되었습니다.' })
  @ArrayMaxSize(500, { message: '열이 너무 많습니다.' })
  @IsArray({ message: '파일의 제목 행 정보가 없습니다. 파일을 다시 올려 주세요.' })
  headers: string[];

  @IsOptional()
  @IsObject({ message: '선택 값이 잘못되었습니다.' })
  picks: Record<string, unknown> = {};
}
