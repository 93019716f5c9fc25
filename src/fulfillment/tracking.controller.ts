import {
  Body,
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  Post,
  Render,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { Role } from '../generated/prisma/enums';
import { Roles } from '../auth/access.decorators';
import { ChannelsService } from '../channels/channels.service';
import { CurrentActor, RequestActor } from '../shared/http/current-actor.decorator';
import { DomainError } from '../shared/http/domain-error';
import { FormView } from '../shared/http/form-view.decorator';
import { TrackingUploadForm } from './dto/fulfillment-queries';
import { trackingPageModel, trackingResultModel } from './fulfillment.view';
import { TRACKING_MAX_BYTES } from './tracking-file';
import { TrackingUploadService } from './tracking-upload.service';
import { UploadTooLargeInterceptor } from './upload-too-large.interceptor';

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

  // Multipart: the CSRF token comes in the x-csrf-token header (see public/js/app.js). The
  // result is the answer itself: the history keeps what was changed, so nothing is stored.
  @Post()
  @HttpCode(HttpStatus.OK)
  @FormView('fulfillment/tracking', { title: '송장 업로드', model: uploadPage })
  @UseInterceptors(
    UploadTooLargeInterceptor,
    FileInterceptor('file', { limits: { fileSize: TRACKING_MAX_BYTES, files: 1 } }),
  )
  @Render('fulfillment/tracking-result')
  async upload(
    @UploadedFile() file: Express.Multer.File | undefined,
    @Body() form: TrackingUploadForm,
    @CurrentActor() actor: RequestActor,
  ) {
    if (!file?.size) throw new DomainError('NO_FILE', '올릴 파일을 선택하세요.');
    const result = await this.tracking.upload({
      fileName: Buffer.from(file.originalname, 'latin1').toString('utf8'),
      bytes: file.buffer,
      password: form.password || undefined,
      channelId: form.channelId,
      actorId: actor.id,
    });
    return trackingResultModel(result);
  }
}
