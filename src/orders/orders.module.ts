import { Module } from '@nestjs/common';
import { CatalogModule } from '../catalog/catalog.module';
import { ChannelsModule } from '../channels/channels.module';
import { DeliveryBundlingModule } from '../delivery-bundling/delivery-bundling.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { PostalRegionModule } from '../postal-region/postal-region.module';
import { UsersModule } from '../users/users.module';
import { ImportsController } from './imports.controller';
import { ListingReviewController } from './listing-review.controller';
import { ListingReviewService } from './listing-review.service';
import { OrderDeskSummaryService } from './order-desk-summary.service';
import { ImportStore } from './intake/import-store';
import { ImportService } from './intake/import.service';
import { IntakePipeline } from './intake/intake.pipeline';
import { OrderBulkStatusService } from './order-bulk-status.service';
import { OrderClaimsService } from './order-claims.service';
import { OrderDetailController } from './order-detail.controller';
import { OrderDetailService } from './order-detail.service';
import { OrderEditService } from './order-edit.service';
import { OrderExport } from './order-export';
import { OrderFinalizeService } from './order-finalize.service';
import { OrderHistoryService } from './order-history.service';
import { OrderListController } from './order-list.controller';
import { OrderListService } from './order-list.service';
import { OrderShipmentService } from './order-shipment.service';
import { OrderStatementDataService } from './order-statement-data.service';
import { OrderStatusService } from './order-status.service';
import { RegionReclassifyService } from './region-reclassify.service';
import { RegionReportController } from './region-report.controller';
import { ShowroomOrderController } from './showroom-order.controller';
import { ShowroomOrderService } from './showroom-order.service';

@Module({
  imports: [
    UsersModule,
    PostalRegionModule,
    CatalogModule,
    ChannelsModule,
    DeliveryBundlingModule,
    NotificationsModule,
  ],
  // The list first: its /orders/export.xlsx must be matched before the detail's /orders/:id.
  controllers: [
    ImportsController,
    ListingReviewController,
    OrderListController,
    ShowroomOrderController,
    OrderDetailController,
    RegionReportController,
  ],
  providers: [
    IntakePipeline,
    ListingReviewService,
    OrderDeskSummaryService,
    ImportStore,
    ImportService,
    OrderHistoryService,
    OrderStatusService,
    OrderBulkStatusService,
    OrderDetailService,
    OrderEditService,
    OrderClaimsService,
    OrderShipmentService,
    OrderFinalizeService,
    OrderStatementDataService,
    OrderListService,
    OrderExport,
    ShowroomOrderService,
    RegionReclassifyService,
  ],
  exports: [
    ImportService,
    OrderDeskSummaryService,
    OrderStatusService,
    OrderHistoryService,
    OrderShipmentService,
    OrderStatementDataService,
  ],
})
export class OrdersModule {}
