import {
  Body,
  Controller,
  Get,
  Param,
  ParseIntPipe,
  Post,
  Redirect,
  Render,
  Req,
} from '@nestjs/common';
import type { Request } from 'express';
import { Role } from '../generated/prisma/enums';
import { Roles } from '../auth/access.decorators';
import { flash } from '../shared/http/flash';
import { FormView } from '../shared/http/form-view.decorator';
import { CategoriesService } from './categories.service';
import { categoriesPage } from './categories.view';
import { CategoryForm, MoveCategoryForm } from './dto/category-form';

const PAGE = '/admin/catalog/categories';
const VIEW = 'catalog/categories';
const TITLE = '분류 관리';

const pageModel = (c: CategoriesController) => c.page();
const rowModel = (c: CategoriesController, req: Request) => c.page(Number(req.params.id));

@Controller('admin/catalog/categories')
@Roles(Role.ADMIN)
export class CategoriesController {
  constructor(private readonly categories: CategoriesService) {}

  @Get()
  @Render(VIEW)
  index() {
    return this.page();
  }

  async page(editingId?: number) {
    return categoriesPage(await this.categories.list(), editingId);
  }

  @Post()
  @FormView(VIEW, { title: TITLE, model: pageModel })
  @Redirect(PAGE)
  async create(@Body() form: CategoryForm, @Req() req: Request) {
    const category = await this.categories.create(form.name);
    flash(req, 'success', `분류 '${category.name}'을(를) 추가했습니다.`);
  }

  @Post(':id')
  @FormView(VIEW, { title: TITLE, model: rowModel })
  @Redirect(PAGE)
  async rename(
    @Param('id', ParseIntPipe) id: number,
    @Body() form: CategoryForm,
    @Req() req: Request,
  ) {
    const category = await this.categories.rename(id, form.name);
    flash(req, 'success', `분류 이름을 '${category.name}'(으)로 바꿨습니다.`);
  }

  @Post(':id/move')
  @FormView(VIEW, { title: TITLE, model: pageModel })
  @Redirect(PAGE)
  async move(@Param('id', ParseIntPipe) id: number, @Body() form: MoveCategoryForm) {
    await this.categories.move(id, form.direction);
  }

  @Post(':id/delete')
  @FormView(VIEW, { title: TITLE, model: pageModel })
  @Redirect(PAGE)
  async remove(@Param('id', ParseIntPipe) id: number, @Req() req: Request) {
    const category = await this.categories.setDeleted(id, true);
    flash(req, 'success', `분류 '${category.name}'을(를) 삭제했습니다.`);
  }

  @Post(':id/restore')
  @FormView(VIEW, { title: TITLE, model: pageModel })
  @Redirect(PAGE)
  async restore(@Param('id', ParseIntPipe) id: number, @Req() req: Request) {
    const category = await this.categories.setDeleted(id, false);
    flash(req, 'success', `분류 '${category.name}'을(를) 복원했습니다.`);
  }
}
