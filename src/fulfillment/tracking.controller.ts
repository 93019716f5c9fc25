import {
  Body,
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  Post,
  Render,
  UploadedFile,
} from '@nestjs/common';
import { Role } from '../generated/prisma/enums';
import { Roles } from '../auth/access.decorators';
import { ChannelsService } from '../channels/channels.service';
import { CurrentActor, RequestActor } from '../shared/http/current-actor.decorator';
import { FormView } from '../shared/http/form-view.decorator';
import { SpreadsheetUpload, uploadedSpreadsheet } from '../shared/http/spreadsheet-upload';
import { TrackingUploadForm } from './dto/fulfillment-queries';
import { trackingPageModel, trackingResultModel } from './fulfillment.view';
import { TRACKING_MAX_BYTES } from './tracking-file';
import { TrackingUploadService } from './tracking-upload.service';

const uploadPage = (c: TrackingController) => c.uploadPage();

@Controller('fulfillment/tracking')
@Roles(Role.CLERK, Role.ADMIN)
export class TrackingController {
  constructor(
    private readonly tracking: TrackingUploadService,
    private readonly channels: ChannelsService,
  ) {}

  @Get()
  @Render('fulfillment/tracking')
  index() {
    return this.uploadPage();
  }

  async uploadPage() {
    return trackingPageModel(await this.channels.list());
  }

  // The result is the answer itself: the history keeps what was changed, so nothing is stored.
  @Post()
  @HttpCode(HttpStatus.OK)
  @FormView('fulfillment/tracking', { title: '송장 업로드', model: uploadPage })
  @SpreadsheetUpload(TRACKING_MAX_BYTES)
  @Render('fulfillment/tracking-result')
  async upload(
    @UploadedFile() file: Express.Multer.File | undefined,
    @Body() form: TrackingUploadForm,
    @CurrentActor() actor: RequestActor,
  ) {
    const result = await this.tracking.upload({
      ...uploadedSpreadsheet(file),
      password: form.password || undefined,
      channelId: form.channelId,
      actorId: actor.id,
    });
    return trackingResultModel(result);
  }
}
