import { Module } from '@nestjs/common';
import { UsersModule } from '../users/users.module';
import { BundleAutoCloseJob } from './bundle-auto-close.job';
import { BundleLifecycleService } from './bundle-lifecycle.service';
import { BundlesRepository } from './bundles.repository';
import { BundlesService } from './bundles.service';

// The delivery bundles read model. It must not import OrdersModule: the orders module
// imports this one and calls BundlesService after its writes.
@Module({
  imports: [UsersModule],
  providers: [BundlesRepository, BundlesService, BundleLifecycleService, BundleAutoCloseJob],
  // BundlesRepository too: runs (DeliveryModule) set a stop's runId/runSeq and close it at
  // dispatch, and every DeliveryBundle write stays in that one file.
  exports: [BundlesService, BundleLifecycleService, BundlesRepository],
})
export class DeliveryBundlingModule {}
