import {
  Body,
  Controller,
  Get,
  Param,
  ParseIntPipe,
  Post,
  Query,
  Redirect,
  Render,
  Req,
  Res,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { Role } from '../generated/prisma/enums';
import { Roles } from '../auth/access.decorators';
import { flash } from '../shared/http/flash';
import { FormView } from '../shared/http/form-view.decorator';
import {
  AddStopsForm,
  CreateRunForm,
  EditRunForm,
  MoveStopForm,
  RunDayQuery,
  RunPageQuery,
} from './dto/run-forms';
import { dateText } from './delivery-view';
import { seesOwnRunsOnly, viewerOf } from './run-access';
import { DispatchResult, RunDispatchService } from './run-dispatch.service';
import { RunPagesService } from './run-pages.service';
import { RunSheetService } from './run-sheet.service';
import {
  districtOf,
  filterQueryOf,
  runDayOf,
  runsHref,
  toNewRunPage,
  toRunListPage,
  toRunPage,
  toRunSheetPage,
} from './run-view';
import { RunsService } from './runs.service';

// A refused change re-renders the run page with the clerk's district still chosen.
const runAgain = (c: RunsController, req: Request) =>
  c.runPage(Number(req.params.id), districtQueryOf(req.query));
const RUN_PAGE = { model: runAgain };

@Controller('delivery/runs')
@Roles(Role.ADMIN, Role.CLERK)
export class RunsController {
  constructor(
    private readonly runs: RunsService,
    private readonly pages: RunPagesService,
    private readonly dispatcher: RunDispatchService,
    private readonly sheets: RunSheetService,
  ) {}

  @Get()
  @Render('delivery/runs/index')
  async index(@Query() query: RunDayQuery) {
    const date = runDayOf(query.date);
    return toRunListPage({ date, ...(await this.pages.day(date)) });
  }

  @Get('new')
  @Render('delivery/runs/new')
  newForm(@Query() query: RunDayQuery) {
    return this.newPage(query.date);
  }

  async newPage(date?: string) {
    return toNewRunPage({ date: dateText(runDayOf(date)), drivers: await this.runs.drivers() });
  }

  @Post()
  @FormView('delivery/runs/new', {
    title: '새 배송 계획',
    model: (c: RunsController) => c.newPage(),
  })
  @Redirect()
  async create(@Body() form: CreateRunForm, @Req() req: Request) {
    const run = await this.runs.create(form);
    flash(
      req,
      'success',
      `${run.driver.displayName} 기사의 ${form.date} 배송 계획을 만들었습니다.`,
    );
    return { url: `/delivery/runs/${run.id}` };
  }

  @Get(':id')
  @Render('delivery/runs/show')
  show(@Param('id', ParseIntPipe) id: number, @Query() query: RunPageQuery) {
    return this.runPage(id, query);
  }

  async runPage(id: number, query: RunPageQuery) {
    const district = districtOf(query);
    return toRunPage({ ...(await this.pages.detail(id, district)), district });
  }

  @Post(':id')
  @FormView('delivery/runs/show', RUN_PAGE)
  @Redirect()
  async edit(
    @Param('id', ParseIntPipe) id: number,
    @Query() query: RunPageQuery,
    @Body() form: EditRunForm,
    @Req() req: Request,
  ) {
    await this.runs.edit(id, form);
    flash(req, 'success', '배송 계획을 고쳤습니다.');
    return { url: runHref(id, query) };
  }

  @Post(':id/stops')
  @FormView('delivery/runs/show', RUN_PAGE)
  @Redirect()
  async addStops(
    @Param('id', ParseIntPipe) id: number,
    @Query() query: RunPageQuery,
    @Body() form: AddStopsForm,
    @Req() req: Request,
  ) {
    const added = await this.runs.addStops(id, form.bundleIds);
    flash(req, 'success', `${added}곳을 배송 계획에 추가했습니다.`);
    return { url: runHref(id, query) };
  }

  @Post(':id/stops/:bundleId/remove')
  @FormView('delivery/runs/show', RUN_PAGE)
  @Redirect()
  async removeStop(
    @Param('id', ParseIntPipe) id: number,
    @Param('bundleId', ParseIntPipe) bundleId: number,
    @Query() query: RunPageQuery,
    @Req() req: Request,
  ) {
    const removed = await this.runs.removeStop(id, bundleId);
    flash(
      req,
      removed ? 'success' : 'info',
      removed ? '배송 계획에서 뺐습니다.' : '이미 배송 계획에 없는 묶음입니다.',
    );
    return { url: runHref(id, query) };
  }

  @Post(':id/stops/:bundleId/move')
  @FormView('delivery/runs/show', RUN_PAGE)
  @Redirect()
  async moveStop(
    @Param('id', ParseIntPipe) id: number,
    @Param('bundleId', ParseIntPipe) bundleId: number,
    @Query() query: RunPageQuery,
    @Body() form: MoveStopForm,
  ) {
    await this.runs.moveStop(id, { bundleId, from: form.from, to: form.to });
    return { url: `${runHref(id, query)}#stop-${bundleId}` };
  }

  @Post(':id/delete')
  @FormView('delivery/runs/show', RUN_PAGE)
  @Redirect()
  async delete(@Param('id', ParseIntPipe) id: number, @Req() req: Request) {
    const run = await this.runs.delete(id);
    flash(req, 'success', `배송 계획 '${run.name}'을(를) 지웠습니다.`);
    return { url: runsHref(run.runDate) };
  }

  // The driver leaves from his own page; the office may send the run off for him.
  @Post(':id/dispatch')
  @Roles(Role.ADMIN, Role.CLERK, Role.DELIVERY)
  @Redirect()
  async dispatch(@Param('id', ParseIntPipe) id: number, @Req() req: Request) {
    const viewer = viewerOf(req);
    const result = await this.dispatcher.dispatch({ runId: id, viewer });
    flash(req, result.already ? 'info' : 'success', dispatchedMessage(result));
    const url = seesOwnRunsOnly(viewer)
      ? `/delivery?date=${dateText(result.run.runDate)}`
      : `/delivery/runs/${id}`;
    return { url };
  }

  @Get(':id/sheet')
  @Render('delivery/runs/sheet')
  async sheet(@Param('id', ParseIntPipe) id: number) {
    return toRunSheetPage(await this.sheets.sheet(id));
  }

  @Get(':id/sheet.xlsx')
  async sheetXlsx(@Param('id', ParseIntPipe) id: number, @Res() res: Response) {
    await this.sheets.sendXlsx(id, res);
  }
}

function dispatchedMessage(result: DispatchResult): string {
  if (result.already) return '이미 출발한 배송입니다.';
  const behind = result.leftBehind
    ? ` 출고준비가 안 된 ${result.leftBehind}건은 그대로 두었습니다.`
    : '';
  return `출발했습니다. ${result.closed}곳을 마감하고 ${result.moved}건을 배송출발로 바꿨습니다.${behind}`;
}

function runHref(id: number, query: RunPageQuery): string {
  return `/delivery/runs/${id}${filterQueryOf(districtOf(query))}`;
}

// The raw query of a refused POST, before validation: only plain strings are kept.
function districtQueryOf(query: Request['query']): RunPageQuery {
  const text = (value: unknown) => (typeof value === 'string' ? value.slice(0, 40) : undefined);
  return { sido: text(query.sido), sigungu: text(query.sigungu) };
}
