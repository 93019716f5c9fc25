import { Module } from '@nestjs/common';
import { BundlesRepository } from './bundles.repository';
import { BundlesService } from './bundles.service';

// The delivery bundles read model. It must not import OrdersModule: the orders module
// imports this one and calls BundlesService after its writes.
@Module({
  providers: [BundlesRepository, BundlesService],
  exports: [BundlesService],
})
export class DeliveryBundlingModule {}
