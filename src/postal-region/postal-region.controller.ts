import {
  Body,
  Controller,
  Get,
  Param,
  ParseIntPipe,
  Post,
  Query,
  Redirect,
  Render,
  Req,
} from '@nestjs/common';
import type { Request } from 'express';
import { Role } from '../generated/prisma/enums';
import { Roles } from '../auth/access.decorators';
import { CurrentActor, RequestActor } from '../shared/http/current-actor.decorator';
import { flash } from '../shared/http/flash';
import { FormView } from '../shared/http/form-view.decorator';
import { OverrideForm, RegionLookupQuery, RemoveOverrideForm } from './region-forms';
import { toRegionView } from './region-view';
import { PostalRegionService } from './postal-region.service';

const pageModel = (c: PostalRegionController) => c.page({});

@Controller('admin/regions')
@Roles(Role.ADMIN)
export class PostalRegionController {
  constructor(private readonly regions: PostalRegionService) {}

  @Get()
  @Render('regions/index')
  index(@Query() query: RegionLookupQuery) {
    return this.page(query);
  }

  async page(query: RegionLookupQuery) {
    const asked = Boolean(query.postalCode || query.address);
    return {
      title: '배송 지역',
      query,
      result: asked ? toRegionView(await this.regions.classify(query)) : null,
      overrides: await this.regions.listOverrides(),
      sidoNames: Object.keys(this.regions.tables.regions),
      form: {},
      errors: {},
    };
  }

  @Post('overrides')
  @FormView('regions/index', { title: '배송 지역', model: pageModel })
  @Redirect('/admin/regions')
  async addOverride(
    @Body() form: OverrideForm,
    @CurrentActor() actor: RequestActor,
    @Req() req: Request,
  ) {
    const saved = await this.regions.addOverride(form, actor);
    flash(
      req,
      'success',
      `${saved.postalCode} 우편번호를 ${[saved.sido, saved.sigungu, saved.gu].filter(Boolean).join(' ')}(으)로 지정했습니다. 기존 주문은 ‘지역별 주문 수 · 재분류’에서 다시 분류할 수 있습니다.`,
    );
  }

  @Post('overrides/:id/delete')
  @FormView('regions/index', { title: '배송 지역', model: pageModel })
  @Redirect('/admin/regions')
  async removeOverride(
    @Param('id', ParseIntPipe) id: number,
    @Body() form: RemoveOverrideForm,
    @CurrentActor() actor: RequestActor,
    @Req() req: Request,
  ) {
    await this.regions.removeOverride(id, form.reason, actor);
    flash(
      req,
      'success',
      '예외 규칙을 삭제했습니다. 기존 주문은 ‘지역별 주문 수 · 재분류’에서 다시 분류할 수 있습니다.',
    );
  }
}
