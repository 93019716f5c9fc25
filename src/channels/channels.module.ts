import { Module } from '@nestjs/common';
import { ChannelsService } from './channels.service';
import { ListingsService } from './listings.service';

@Module({
  providers: [ChannelsService, ListingsService],
  exports: [ChannelsService, ListingsService],
})
export class ChannelsModule {}
