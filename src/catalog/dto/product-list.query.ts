import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString } from 'class-validator';

export const PRODUCT_PAGE_SIZE = 50;

type Input = { value: unknown };

const positiveInt = (value: unknown) => {
  const n = typeof value === 'string' && /^\d{1,9}$/.test(value) ? Number(value) : NaN;
  return n >= 1 ? n : undefined;
};

// Filters come from links people bookmark and edit: a value that makes no sense is dropped
// (the list shows everything) rather than failing the page.
export class ProductListQuery {
  @IsOptional()
  @Transform(({ value }: Input) =>
    typeof value === 'string' && value.trim() ? value.trim().slice(0, 100) : undefined,
  )
  @IsString()
  q?: string;

  @IsOptional()
  @Transform(({ value }: Input) => positiveInt(value))
  @IsInt()
  categoryId?: number;

  @IsOptional()
  @Transform(({ value }: Input) => (value === '1' ? '1' : undefined))
  @IsIn(['1'])
  showDeleted?: '1';

  @Transform(({ value }: Input) => positiveInt(value) ?? 1)
  @IsInt()
  page: number = 1;
}
