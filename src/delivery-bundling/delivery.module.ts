import { Module } from '@nestjs/common';
import { OrdersModule } from '../orders/orders.module';
import { UsersModule } from '../users/users.module';
import { BundleDeskController } from './bundle-desk.controller';
import { BundleDeskService } from './bundle-desk.service';
import { DeliveryBundlingModule } from './delivery-bundling.module';
import { DeliveryOutcomeService } from './delivery-outcome.service';
import { DeliveryController } from './delivery.controller';
import { DeliveryViewService } from './delivery-view.service';
import { RunDispatchService } from './run-dispatch.service';
import { RunPagesService } from './run-pages.service';
import { RunSheetService } from './run-sheet.service';
import { RunsController } from './runs.controller';
import { RunsRepository } from './runs.repository';
import { RunsService } from './runs.service';

// The driver's pages. Separate from DeliveryBundlingModule because marking a stop delivered
// moves its items through the orders module's status machine, while the orders module in
// turn imports the bundling module to keep bundles in step.
@Module({
  imports: [OrdersModule, DeliveryBundlingModule, UsersModule],
  controllers: [BundleDeskController, DeliveryController, RunsController],
  providers: [
    DeliveryViewService,
    DeliveryOutcomeService,
    BundleDeskService,
    RunsRepository,
    RunsService,
    RunPagesService,
    RunDispatchService,
    RunSheetService,
  ],
  exports: [BundleDeskService],
})
export class DeliveryModule {}
