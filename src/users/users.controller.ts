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
import { CurrentActor, RequestActor } from '../shared/http/current-actor.decorator';
import { flash } from '../shared/http/flash';
import { FormView } from '../shared/http/form-view.decorator';
import { ChangeRoleForm, CreateUserForm, ResetPasswordForm, SetActiveForm } from './dto/user-forms';
import { ROLE_LABELS, ROLE_OPTIONS } from './role-labels';
import { UsersService } from './users.service';

type UserRecord = Awaited<ReturnType<UsersService['get']>>;

function toUserRow(user: UserRecord) {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    roleLabel: ROLE_LABELS[user.role],
    active: user.active,
    lastLoginAt: user.lastLoginAt,
  };
}

const editModel = (c: UsersController, req: Request) => c.editPage(Number(req.params.id));

@Controller('admin/users')
@Roles(Role.ADMIN)
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @Render('users/index')
  async index() {
    const users = await this.users.list();
    return { title: '사용자 관리', users: users.map(toUserRow) };
  }

  @Get('new')
  @Render('users/new')
  newForm() {
    return { title: '사용자 추가', roles: ROLE_OPTIONS, form: { role: Role.CLERK }, errors: {} };
  }

  @Post()
  @FormView('users/new', { title: '사용자 추가', locals: { roles: ROLE_OPTIONS } })
  @Redirect('/admin/users')
  async create(
    @Body() form: CreateUserForm,
    @CurrentActor() actor: RequestActor,
    @Req() req: Request,
  ) {
    const user = await this.users.create(form, actor);
    flash(req, 'success', `사용자 ${user.username}을(를) 추가했습니다.`);
  }

  @Get(':id')
  @Render('users/edit')
  edit(@Param('id', ParseIntPipe) id: number) {
    return this.editPage(id);
  }

  async editPage(id: number) {
    const user = toUserRow(await this.users.get(id));
    return { title: `사용자 ${user.username}`, user, roles: ROLE_OPTIONS, errors: {} };
  }

  @Post(':id/role')
  @Redirect()
  @FormView('users/edit', { model: editModel })
  async changeRole(
    @Param('id', ParseIntPipe) id: number,
    @Body() form: ChangeRoleForm,
    @CurrentActor() actor: RequestActor,
    @Req() req: Request,
  ) {
    const user = await this.users.changeRole(id, form.role, actor);
    flash(
      req,
      'success',
      `${user.username}의 권한을 ${ROLE_LABELS[user.role]}(으)로 바꿨습니다. 기존 로그인은 모두 종료됩니다.`,
    );
    return { url: `/admin/users/${id}` };
  }

  @Post(':id/active')
  @Redirect()
  @FormView('users/edit', { model: editModel })
  async setActive(
    @Param('id', ParseIntPipe) id: number,
    @Body() form: SetActiveForm,
    @CurrentActor() actor: RequestActor,
    @Req() req: Request,
  ) {
    const user = await this.users.setActive(id, form.active === 'true', actor);
    flash(
      req,
      'success',
      user.active
        ? `${user.username}을(를) 활성화했습니다.`
        : `${user.username}을(를) 비활성화했습니다.`,
    );
    return { url: `/admin/users/${id}` };
  }

  @Post(':id/password')
  @Redirect()
  @FormView('users/edit', { model: editModel })
  async resetPassword(
    @Param('id', ParseIntPipe) id: number,
    @Body() form: ResetPasswordForm,
    @CurrentActor() actor: RequestActor,
    @Req() req: Request,
  ) {
    await this.users.resetPassword(id, form.password, actor);
    flash(
      req,
      'success',
      '비밀번호를 초기화했습니다. 해당 사용자의 기존 로그인은 모두 종료됩니다.',
    );
    return { url: `/admin/users/${id}` };
  }
}
