import { Controller, Get, Render } from '@nestjs/common';
import { Role } from '../generated/prisma/enums';
import { Roles } from '../auth/access.decorators';
import { FULFILLMENT_LINKS } from './fulfillment.view';

@Controller('fulfillment')
@Roles(Role.CLERK, Role.ADMIN)
export class FulfillmentController {
  @Get()
  @Render('fulfillment/index')
  index() {
    return { title: '출고 처리', links: FULFILLMENT_LINKS };
  }
}
