import { Controller, Get, Param, ParseIntPipe, Query, Render, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Role } from '../generated/prisma/enums';
import { Roles } from '../auth/access.decorators';
import { FormView } from '../shared/http/form-view.decorator';
import { PartnerStatementQuery } from './statement.query';
import { StatementFile, StatementService } from './statement.service';
import { STATEMENTS_TITLE, toStatementsPage } from './statement.view';

const pickerAgain = (c: StatementController, req: Request) =>
  c.page(req.query as Record<string, unknown>);

@Controller()
@Roles(Role.CLERK, Role.ADMIN)
export class StatementController {
  constructor(private readonly statements: StatementService) {}

  @Get('orders/:id/statement.pdf')
  async orderStatement(@Param('id', ParseIntPipe) id: number, @Res() res: Response) {
    sendPdf(res, await this.statements.forOrder(id));
  }

  @Get('fulfillment/statements')
  @Render('fulfillment/statements')
  show() {
    return this.page();
  }

  async page(selection: Record<string, unknown> = {}) {
    return toStatementsPage({ channels: await this.statements.partnerChannels(), selection });
  }

  @Get('fulfillment/statements/partner.pdf')
  @FormView('fulfillment/statements', { title: STATEMENTS_TITLE, model: pickerAgain })
  async partnerStatement(@Query() query: PartnerStatementQuery, @Res() res: Response) {
    sendPdf(res, await this.statements.forPartnerDay(query));
  }
}

// Shown in the browser, ready to print; saved under the Korean name.
function sendPdf(res: Response, { fileName, pdf }: StatementFile) {
  res.setHeader('Content-Type', 'application/pdf');
  res.setHeader(
    'Content-Disposition',
    `inline; filename="${fileName.ascii}"; filename*=UTF-8''${encodeURIComponent(fileName.korean)}`,
  );
  res.setHeader('Cache-Control', 'private, no-store');
  res.send(pdf);
}
