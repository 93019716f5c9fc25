import {
  Body,
  Controller,
  Get,
  Param,
  ParseIntPipe,
  Post,
  Redirect,
  Render,
  Res,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import type { Response } from 'express';
import { Role } from '../generated/prisma/enums';
import { Roles } from '../auth/access.decorators';
import { ChannelsService } from '../channels/channels.service';
import { sendXlsx } from '../shared/excel/xlsx-download';
import { DEFAULT_UPLOAD_LIMITS } from '../shared/excel/upload-limits';
import { CurrentActor, RequestActor } from '../shared/http/current-actor.decorator';
import { DomainError } from '../shared/http/domain-error';
import { FormView } from '../shared/http/form-view.decorator';
import { ImportUploadForm } from './dto/import-upload.form';
import { ImportService } from './intake/import.service';
import { importPageModel, importResultModel } from './imports.view';

const uploadPage = (c: ImportsController) => c.uploadPage();

@Controller('imports')
@Roles(Role.CLERK, Role.ADMIN)
export class ImportsController {
  constructor(
    private readonly imports: ImportService,
    private readonly channels: ChannelsService,
  ) {}

  @Get()
  @Render('imports/index')
  index() {
    return this.uploadPage();
  }

  async uploadPage() {
    return importPageModel(await this.channels.list(), await this.imports.recent());
  }

  // Multipart: the CSRF token comes in the x-csrf-token header (see public/js/app.js).
  @Post()
  @FormView('imports/index', { title: '주문 가져오기', model: uploadPage })
  @UseInterceptors(
    FileInterceptor('file', { limits: { fileSize: DEFAULT_UPLOAD_LIMITS.maxFileBytes, files: 1 } }),
  )
  @Redirect()
  async upload(
    @UploadedFile() file: Express.Multer.File | undefined,
    @Body() form: ImportUploadForm,
    @CurrentActor() actor: RequestActor,
  ) {
    if (!file?.size) throw new DomainError('NO_FILE', '올릴 파일을 선택하세요.');
    const batch = await this.imports.preview({
      channelId: form.channelId,
      fileName: Buffer.from(file.originalname, 'latin1').toString('utf8'),
      bytes: file.buffer,
      password: form.password || undefined,
      actorId: actor.id,
    });
    return { url: `/imports/${batch.id}` };
  }

  @Get(':id')
  @Render('imports/show')
  async show(@Param('id', ParseIntPipe) id: number) {
    return importResultModel(await this.imports.current(id));
  }

  @Post(':id/commit')
  @Redirect()
  async commit(@Param('id', ParseIntPipe) id: number, @CurrentActor() actor: RequestActor) {
    await this.imports.startCommit(id, actor.id);
    return { url: `/imports/${id}` };
  }

  @Get(':id/progress')
  progress(@Param('id', ParseIntPipe) id: number) {
    return this.imports.progress(id);
  }

  @Get(':id/errors.xlsx')
  async errors(@Param('id', ParseIntPipe) id: number, @Res() res: Response) {
    const { rows } = importResultModel(await this.imports.get(id));
    const name = { ascii: `import-${id}-errors.xlsx`, korean: `가져오기-${id}-오류.xlsx` };
    await sendXlsx(res, name, [
      {
        name: '오류',
        columns: [
          { header: '행', key: 'row', width: 8 },
          { header: '열', key: 'column', width: 24 },
          { header: '사유', key: 'message', width: 80 },
        ],
        rows: rows.map((e) => ({ ...e })),
      },
    ]);
  }
}
