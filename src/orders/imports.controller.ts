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
} from '@nestjs/common';
import type { Response } from 'express';
import { Role } from '../generated/prisma/enums';
import { Roles } from '../auth/access.decorators';
import { ChannelsService } from '../channels/channels.service';
import { sendXlsx } from '../shared/excel/xlsx-download';
import { CurrentActor, RequestActor } from '../shared/http/current-actor.decorator';
import { FormView } from '../shared/http/form-view.decorator';
import { SpreadsheetUpload, uploadedSpreadsheet } from '../shared/http/spreadsheet-upload';
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

  @Post()
  @FormView('imports/index', { title: '주문 가져오기', model: uploadPage })
  @SpreadsheetUpload()
  @Redirect()
  async upload(
    @UploadedFile() file: Express.Multer.File | undefined,
    @Body() form: ImportUploadForm,
    @CurrentActor() actor: RequestActor,
  ) {
    const batch = await this.imports.preview({
      channelId: form.channelId,
      ...uploadedSpreadsheet(file),
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
