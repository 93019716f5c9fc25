import { Transform } from 'class-transformer';
import { IsEnum, IsIn, IsString, Length, Matches, MaxLength } from 'class-validator';
import { Role } from '../../generated/prisma/enums';
import { trim } from '../../shared/http/form-transforms';

export const PASSWORD_RULE = '비밀번호는 8자 이상, 영문과 숫자를 함께 써야 합니다.';
const PASSWORD_PATTERN = /^(?=.*[A-Za-z])(?=.*\d).{8,128}$/;

export class CreateUserForm {
  @Transform(trim)
  @Matches(/^[a-z0-9._-]{3,50}$/, { message: '아이디는 영문 소문자, 숫자, . _ - 3~50자입니다.' })
  username: string;

  @Transform(trim)
  @IsString({ message: '이름을 입력하세요.' })
  @Length(1, 100, { message: '이름을 1~100자로 입력하세요.' })
  displayName: string;

  @IsEnum(Role, { message: '권한을 선택하세요.' })
  role: Role;

  @Matches(PASSWORD_PATTERN, { message: PASSWORD_RULE })
  password: string;
}

export class ChangeRoleForm {
  @IsEnum(Role, { message: '권한을 선택하세요.' })
  role: Role;
}

export class SetActiveForm {
  @IsIn(['true', 'false'], { message: '상태 값이 잘못되었습니다.' })
  active: 'true' | 'false';
}

export class ResetPasswordForm {
  @Matches(PASSWORD_PATTERN, { message: PASSWORD_RULE })
  password: string;
}

export class ChangeOwnPasswordForm {
  @IsString({ message: '현재 비밀번호를 입력하세요.' })
  @MaxLength(128)
  @Length(1, 128, { message: '현재 비밀번호를 입력하세요.' })
  currentPassword: string;

  @Matches(PASSWORD_PATTERN, { message: PASSWORD_RULE })
  newPassword: string;

  @IsString({ message: '새 비밀번호를 한 번 더 입력하세요.' })
  confirmPassword: string;
}
