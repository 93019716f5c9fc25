import { Controller, Get, Query, Render } from '@nestjs/common';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Min } from 'class-validator';
import { Role } from '../generated/prisma/enums';
import { Roles } from '../auth/access.decorators';
import { buildPagination } from '../shared/views/pagination';
import { AUDIT_ACTIONS, AuditAction } from './audit-actions';
import { AUDIT_PAGE_SIZE, AuditService } from './audit.service';

class AuditQuery {
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => value || undefined)
  @IsIn(Object.keys(AUDIT_ACTIONS), { message: '알 수 없는 항목입니다.' })
  action?: AuditAction;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  page: number = 1;
}

@Controller('admin/audit')
@Roles(Role.ADMIN)
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @Render('users/audit')
  async index(@Query() query: AuditQuery) {
    const { rows, total } = await this.audit.list(query);
    return {
      title: '감사 로그',
      rows,
      action: query.action,
      actions: Object.entries(AUDIT_ACTIONS).map(([value, label]) => ({ value, label })),
      pagination: buildPagination({
        path: '/admin/audit',
        query: { action: query.action },
        page: query.page,
        pageSize: AUDIT_PAGE_SIZE,
        total,
      }),
    };
  }
}
