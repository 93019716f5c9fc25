import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  ParseIntPipe,
  Post,
  Redirect,
  Render,
  Req,
  UploadedFile,
} from '@nestjs/common';
import type { Request } from 'express';
import type { Channel } from '../generated/prisma/client';
import { Role } from '../generated/prisma/enums';
import { Roles } from '../auth/access.decorators';
import { HEADER_SEARCH_ROWS } from '../shared/excel/header-detection';
import { CurrentActor, RequestActor } from '../shared/http/current-actor.decorator';
import { flash } from '../shared/http/flash';
import { FormView } from '../shared/http/form-view.decorator';
import { SpreadsheetUpload, uploadedSpreadsheet } from '../shared/http/spreadsheet-upload';
import { ChannelAdminService } from './channel-admin.service';
import { LayoutForm, MappingForm, SampleUploadForm } from './dto/layout-forms';
import { IMPORT_FIELDS, ImportLayout } from './import-fields';

const LAYOUT_VIEW = 'channels/layout';
const SAMPLE_VIEW = 'channels/sample';
const LAYOUT_TITLE = '가져오기 양식';
const SAMPLE_TITLE = '샘플 파일로 양식 만들기';

const layoutUrl = (id: number) => `/admin/channels/${id}/layout`;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const textList = (value: unknown): string[] =>
  (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string');

// `input` is what was typed when a save was refused: the table shows it again, field by field.
function layoutPage(params: {
  channel: Channel;
  layout: ImportLayout;
  custom: boolean;
  input?: Record<string, unknown>;
}) {
  const { channel, layout, custom, input } = params;
  return {
    title: `${channel.name} ${LAYOUT_TITLE}`,
    channel: { id: channel.id, name: channel.name, code: channel.code },
    custom,
    headerSearchRows: HEADER_SEARCH_ROWS,
    fields: IMPORT_FIELDS.map(({ field, label, required }) => ({
      field,
      label,
      required,
      value: input ? String(input[field] ?? '') : (layout[field] ?? []).join(', '),
      errorKey: `aliases.${field}`,
    })),
    errors: {},
  };
}

// Excel's column names (A … Z, AA …), which the admin sees in the file as well.
function columnLetter(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

function samplePage(params: {
  channel: Channel;
  layout: ImportLayout;
  headers: string[];
  rows: string[][];
  picks: Record<string, unknown>;
}) {
  const { channel, layout, headers, rows, picks } = params;
  const width = Math.max(headers.length, ...rows.map((row) => row.length));
  const columns = Array.from({ length: width }, (_, i) => ({
    letter: columnLetter(i),
    text: headers[i] ?? '',
  }));
  const choices = columns.filter((c) => c.text !== '');
  return {
    title: `${channel.name} ${SAMPLE_TITLE}`,
    channel: { id: channel.id, name: channel.name },
    columns,
    headers,
    rows: rows.map((row) => columns.map((_, i) => row[i] ?? '')),
    fields: IMPORT_FIELDS.map(({ field, label, required }) => {
      const selected = choices.findIndex((c) => c.text === picks[field]);
      return {
        field,
        label,
        required,
        earlier: (layout[field] ?? []).join(', '),
        errorKey: `picks.${field}`,
        options: choices.map((c, i) => ({ ...c, selected: i === selected })),
      };
    }),
    errors: {},
  };
}

const layoutModel = (c: ChannelLayoutController, req: Request) =>
  c.layoutPage(Number(req.params.id), (req.body as { aliases?: unknown } | undefined)?.aliases);
// The file is gone by now: the page shows its headers from the form, without the data rows.
const mappingModel = (c: ChannelLayoutController, req: Request) =>
  c.mappingPage(Number(req.params.id), req.body as Record<string, unknown>);

@Controller('admin/channels/:id/layout')
@Roles(Role.ADMIN)
export class ChannelLayoutController {
  constructor(private readonly admin: ChannelAdminService) {}

  @Get()
  @Render(LAYOUT_VIEW)
  show(@Param('id', ParseIntPipe) id: number) {
    return this.layoutPage(id);
  }

  async layoutPage(id: number, input?: unknown) {
    return layoutPage({
      ...(await this.admin.layout(id)),
      input: isRecord(input) ? input : undefined,
    });
  }

  async mappingPage(id: number, body: Record<string, unknown> = {}) {
    const { channel, layout } = await this.admin.layout(id);
    const picks = isRecord(body.picks) ? body.picks : {};
    return samplePage({ channel, layout, headers: textList(body.headers), rows: [], picks });
  }

  @Post()
  @FormView(LAYOUT_VIEW, { title: LAYOUT_TITLE, model: layoutModel })
  @Redirect()
  async save(
    @Param('id', ParseIntPipe) id: number,
    @Body() form: LayoutForm,
    @CurrentActor() actor: RequestActor,
    @Req() req: Request,
  ) {
    const channel = await this.admin.saveAliases(id, form.aliases, actor);
    flash(req, 'success', `'${channel.name}' 가져오기 양식을 저장했습니다.`);
    return { url: layoutUrl(id) };
  }

  // A page of the sample to pick from, not a created resource.
  @Post('sample')
  @HttpCode(200)
  @FormView(LAYOUT_VIEW, { title: LAYOUT_TITLE, model: layoutModel })
  @SpreadsheetUpload()
  @Render(SAMPLE_VIEW)
  async sample(
    @Param('id', ParseIntPipe) id: number,
    @UploadedFile() file: Express.Multer.File | undefined,
    @Body() form: SampleUploadForm,
  ) {
    const { channel, layout, sample } = await this.admin.readSample(id, {
      ...uploadedSpreadsheet(file, '샘플 파일을 선택하세요.'),
      password: form.password || undefined,
    });
    const { headers, rows, detected } = sample;
    return samplePage({ channel, layout, headers, rows, picks: detected });
  }

  @Post('mapping')
  @FormView(SAMPLE_VIEW, { title: SAMPLE_TITLE, model: mappingModel })
  @Redirect()
  async saveMapping(
    @Param('id', ParseIntPipe) id: number,
    @Body() form: MappingForm,
    @CurrentActor() actor: RequestActor,
    @Req() req: Request,
  ) {
    const channel = await this.admin.saveMapping(id, form, actor);
    flash(
      req,
      'success',
      `샘플 파일에서 고른 열로 '${channel.name}' 가져오기 양식을 저장했습니다.`,
    );
    return { url: layoutUrl(id) };
  }
}
