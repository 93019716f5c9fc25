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
} from '@nestjs/common';
import type { Request } from 'express';
import { Role } from '../generated/prisma/enums';
import { Roles } from '../auth/access.decorators';
import { flash } from '../shared/http/flash';
import { FormView } from '../shared/http/form-view.decorator';
import { EditProductForm, ProductForm, SoftDeleteForm } from './dto/product-form';
import { ProductListQuery } from './dto/product-list.query';
import { ProductCommands } from './product-commands.service';
import { editProductPage, newProductPage } from './product-form.view';
import { productListPage } from './product-list.view';
import { ProductQueries } from './product-queries.service';

const LIST = '/admin/catalog';
const productUrl = (id: number) => `${LIST}/products/${id}`;

// A refused save shows the form again with what was submitted.
const newModel = (c: ProductsController, req: Request) => c.newPage(req.body);
const editModel = (c: ProductsController, req: Request) =>
  c.editPage(Number(req.params.id), req.body);

// Admins manage the catalog. Clerks may read the list: they map channel listings to our
// products and take showroom orders, and need codes, options and prices to do so.
@Controller('admin/catalog')
@Roles(Role.ADMIN)
export class ProductsController {
  constructor(
    private readonly queries: ProductQueries,
    private readonly commands: ProductCommands,
  ) {}

  @Get()
  @Roles(Role.ADMIN, Role.CLERK)
  @Render('catalog/index')
  async index(@Query() query: ProductListQuery, @Req() req: Request) {
    const result = await this.queries.listPage(query);
    return productListPage({ result, query, canEdit: req.user?.role === Role.ADMIN });
  }

  @Get('products/new')
  @Render('catalog/product-form')
  newForm() {
    return this.newPage();
  }

  async newPage(input?: Record<string, unknown>) {
    return newProductPage({ ...(await this.queries.newPage()), input });
  }

  @Post('products')
  @FormView('catalog/product-form', { title: '상품 추가', model: newModel })
  @Redirect()
  async create(@Body() form: ProductForm, @Req() req: Request) {
    const product = await this.commands.create(form);
    flash(req, 'success', `상품 ${product.code}을(를) 추가했습니다.`);
    return { url: productUrl(product.id) };
  }

  @Get('products/:id')
  @Render('catalog/product-form')
  edit(@Param('id', ParseIntPipe) id: number) {
    return this.editPage(id);
  }

  async editPage(id: number, input?: Record<string, unknown>) {
    return editProductPage({ ...(await this.queries.editPage(id)), input });
  }

  @Post('products/:id')
  @FormView('catalog/product-form', { title: '상품 수정', model: editModel })
  @Redirect()
  async update(
    @Param('id', ParseIntPipe) id: number,
    @Body() form: EditProductForm,
    @Req() req: Request,
  ) {
    const product = await this.commands.update(id, form);
    flash(req, 'success', `상품 ${product.code}을(를) 저장했습니다.`);
    return { url: productUrl(id) };
  }

  @Post('products/:id/delete')
  @Redirect()
  async remove(
    @Param('id', ParseIntPipe) id: number,
    @Body() form: SoftDeleteForm,
    @Req() req: Request,
  ) {
    const product = await this.commands.setDeleted(id, true);
    flash(
      req,
      'success',
      `상품 ${product.code}을(를) 삭제했습니다. 지난 주문에는 그대로 남습니다.`,
    );
    return { url: form.returnTo ?? LIST };
  }

  @Post('products/:id/restore')
  @Redirect()
  async restore(
    @Param('id', ParseIntPipe) id: number,
    @Body() form: SoftDeleteForm,
    @Req() req: Request,
  ) {
    const product = await this.commands.setDeleted(id, false);
    flash(req, 'success', `상품 ${product.code}을(를) 복원했습니다.`);
    return { url: form.returnTo ?? LIST };
  }
}
