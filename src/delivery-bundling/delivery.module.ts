import { Module } from '@nestjs/common';
import { OrdersModule } from '../orders/orders.module';
import { BundleDeskController } from './bundle-desk.controller';
import { BundleDeskService } from './bundle-desk.service';
import { DeliveryBundlingModule } from './delivery-bundling.module';
import { DeliveryOutcomeService } from './delivery-outcome.service';
import { DeliveryController } from './delivery.controller';
import { DeliveryViewService } from './delivery-view.service';

// The driver's pages. Separate from DeliveryBundlingModule because marking a stop delivered
// moves its items through the orders module's status machine, while the orders module in
// turn imports the bundling module to keep bundles in step.
@Module({
  imports: [OrdersModule, DeliveryBundlingModule],
  controllers: [BundleDeskController, DeliveryController],
  providers: [DeliveryViewService, DeliveryOutcomeService, BundleDeskService],
})
export class DeliveryModule {}
