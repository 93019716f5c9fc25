import { Body, Controller, Get, Post, Query, Redirect, Render } from '@nestjs/common';
import { IsIn, IsOptional } from 'class-validator';
import { Role } from '../generated/prisma/enums';
import { Roles } from '../auth/access.decorators';
import { CurrentActor, RequestActor } from '../shared/http/current-actor.decorator';
import { FormView } from '../shared/http/form-view.decorator';
import { hrefWith } from '../shared/views/pagination';

import { sortHeaders } from '../shared/views/sort-headers';
import {
  JobMode,
  REGION_SORTS,
  RegionSort,
  UNCLASSIFIED,
  regionCountTable,
} from './region-reclassify';
import { ReclassifyState, RegionReclassifyService } from './region-reclassify.service';

const TITLE = '지역별 주문 수 · 재분류';
const PAGE_PATH = '/admin/regions/orders';

export class RegionOrdersQuery {
  @IsOptional()
  @IsIn(REGION_SORTS, { message: '정렬 기준이 잘못되었습니다.' })
  sort: RegionSort = '-count';
}

export class ReclassifyForm {
  @IsIn(['check', 'apply'], { message: '작업 종류가 잘못되었습니다.' })
  mode: JobMode;
}

const pageModel = (c: RegionReportController) => c.page('-count');

@Controller('admin/regions')
@Roles(Role.ADMIN)
export class RegionReportController {
  constructor(private readonly reclassify: RegionReclassifyService) {}

  @Get('orders')
  @Render('regions/orders')
  index(@Query() query: RegionOrdersQuery) {
    return this.page(query.sort);
  }

  async page(sort: RegionSort) {
    return regionOrdersPage(await this.reclassify.overview(), sort);
  }

  // 'check' counts what would change without writing; 'apply' writes it. Both run in the
  // background and share the one-at-a-time lock (a second start answers 409).
  @Post('reclassify')
  @FormView('regions/orders', { title: TITLE, model: pageModel })
  @Redirect(PAGE_PATH)
  async start(@Body() form: ReclassifyForm, @CurrentActor() actor: RequestActor) {
    await this.reclassify.start({ mode: form.mode, actor });
  }

  @Get('reclassify/progress')
  progress() {
    return this.reclassify.progress();
  }
}

type Overview = Awaited<ReturnType<RegionReclassifyService['overview']>>;

const count = (n: number) => n.toLocaleString('ko-KR');

// The order list filters on region columns by equality and cannot select a missing region,
// so 미분류 and a 시/도 without 시/군/구 link no further than the list allows.
function regionOrdersPage({ counts, job, stale }: Overview, sort: RegionSort) {
  const table = regionCountTable(counts, sort);
  return {
    title: TITLE,
    total: count(table.total),
    unclassified: table.unclassified ? count(table.unclassified) : null,
    unclassifiedLabel: UNCLASSIFIED,
    groups: table.groups.map((group) => ({
      name: group.name,
      items: count(group.items),
      href: hrefWith('/orders', {}, { sido: group.name }),
      districts: group.districts.map((d) => ({
        name: d.name ?? '(시/군/구 없음)',
        items: count(d.items),
        href: d.name ? hrefWith('/orders', {}, { sido: group.name, sigungu: d.name }) : null,
      })),
    })),
    headers: sortHeaders({
      path: PAGE_PATH,
      filters: {},
      sort,
      labels: { name: '지역', count: '품목 수' },
      firstDesc: ['count'],
    }),
    job: jobView(job, stale),
  };
}

function jobView(job: ReclassifyState, stale: boolean) {
  if (job.status === 'idle') return { idle: true };
  const percent = job.total ? Math.min(100, Math.round((job.processed / job.total) * 100)) : 100;
  return {
    ...job,
    [job.status]: true,
    isCheck: job.mode === 'check',
    percent,
    stale,
    processedLabel: count(job.processed),
    totalLabel: count(job.total),
    changedLabel: count(job.changed),
    ordersLabel: count(job.orders),
    moves: job.moves.map((m) => ({ ...m, items: count(m.items) })),
  };
}
