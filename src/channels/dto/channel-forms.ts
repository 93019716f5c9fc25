import { Transform } from 'class-transformer';
import { IsIn, IsString, Length, Matches } from 'class-validator';
import { trim } from '../../shared/http/form-transforms';

export class CreatePartnerForm {
  // The code names the channel in CLI imports and URLs, so it stays plain ASCII.
  @Transform(trim)
  @Matches(/^[a-z0-9][a-z0-9-]{1,29}$/, {
    message: '코드는 영문 소문자, 숫자, -(하이픈)로 2~30자이며 하이픈으로 시작할 수 없습니다.',
  })
  code: string;

  @Transform(trim)
  @IsString({ message: '채널 이름을 입력하세요.' })
  @Length(1, 100, { message: '채널 이름을 1~100자로 입력하세요.' })
  name: string;
}

export class SetChannelActiveForm {
  @IsIn(['true', 'false'], { message: '상태 값이 잘못되었습니다.' })
  active: 'true' | 'false';
}
