import { Transform } from 'class-transformer';
import { IsIn, IsString, Length } from 'class-validator';
import { trim } from '../../shared/http/form-transforms';

export class CategoryForm {
  @Transform(trim)
  @IsString({ message: '분류 이름을 입력하세요.' })
  @Length(1, 100, { message: '분류 이름을 1~100자로 입력하세요.' })
  name: string;
}

export class MoveCategoryForm {
  @IsIn(['up', 'down'], { message: '옮길 방향이 잘못되었습니다.' })
  direction: 'up' | 'down';
}
