import { Module } from '@nestjs/common';
import { ChannelsModule } from '../channels/channels.module';
import { OrdersModule } from '../orders/orders.module';
import { DispatchExportService } from './dispatch-export.service';
import { FulfillmentExportsController } from './fulfillment-exports.controller';
import { FulfillmentController } from './fulfillment.controller';
import { PartnerExportService } from './partner-export.service';
import { PickingListService } from './picking-list.service';
import { StatementController } from './statement.controller';
import { StatementService } from './statement.service';
import { TrackingUploadService } from './tracking-upload.service';
import { TrackingController } from './tracking.controller';

// The Excel loops that move orders out of the door: tracking numbers in, dispatch and partner
// files out, picking lists and statements. Item changes go through the
// orders module's exported services.
@Module({
  imports: [OrdersModule, ChannelsModule],
  controllers: [
    FulfillmentController,
    TrackingController,
    FulfillmentExportsController,
    StatementController,
  ],
  providers: [
    TrackingUploadService,
    DispatchExportService,
    PartnerExportService,
    PickingListService,
    StatementService,
  ],
})
export class FulfillmentModule {}
