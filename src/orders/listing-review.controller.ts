import {
  Body,
  Controller,
  Get,
  Param,
  ParseIntPipe,
  Post,
  Redirect,
  Render,
  Req,
} from '@nestjs/common';
import { Transform } from 'class-transformer';
import { Matches } from 'class-validator';
import type { Request } from 'express';
import { Role } from '../generated/prisma/enums';
import { Roles } from '../auth/access.decorators';
import { CurrentActor, RequestActor } from '../shared/http/current-actor.decorator';
import { flash } from '../shared/http/flash';
import { FormView } from '../shared/http/form-view.decorator';
import { ListingReviewService } from './listing-review.service';

class MapListingForm {
  // "productId:optionId", or "productId:" for a product without options.
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @Matches(/^\d+:\d*$/, { message: '연결할 상품과 옵션을 고르세요.' })
  choice: string;
}

const pageModel = (c: ListingReviewController) => c.page();

@Controller('orders/listings')
@Roles(Role.CLERK, Role.ADMIN)
export class ListingReviewController {
  constructor(private readonly review: ListingReviewService) {}

  @Get()
  @Render('listings/index')
  index() {
    return this.page();
  }

  async page() {
    const { listings, picker } = await this.review.pending();
    return { title: '상품 연결 검토', listings, picker, errors: {} };
  }

  @Post(':id')
  @FormView('listings/index', { title: '상품 연결 검토', model: pageModel })
  @Redirect('/orders/listings')
  async map(
    @Param('id', ParseIntPipe) id: number,
    @Body() form: MapListingForm,
    @CurrentActor() actor: RequestActor,
    @Req() req: Request,
  ) {
    const [productId, optionId] = form.choice.split(':');
    const relinked = await this.review.map(
      id,
      { productId: Number(productId), optionId: optionId ? Number(optionId) : null },
      actor.id,
    );
    flash(
      req,
      'success',
      `연결했습니다. 이미 가져온 주문 ${relinked}건에도 반영했고, 다음 가져오기부터 자동으로 연결됩니다.`,
    );
  }
}
