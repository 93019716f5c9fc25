import { Module } from '@nestjs/common';
import { OrdersModule } from '../orders/orders.module';

// The Excel loops that move orders out of the door: tracking numbers in, dispatch and partner
// files out, picking lists, final quantities and statements. Item changes go through the
// orders module's exported services.
@Module({
  imports: [OrdersModule],
  controllers: [],
  providers: [],
})
export class FulfillmentModule {}
