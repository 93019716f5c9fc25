import { Module } from '@nestjs/common';
import { ObservabilityController } from './observability.controller';
import { ReadinessService } from './readiness.service';

@Module({ controllers: [ObservabilityController], providers: [ReadinessService] })
export class ObservabilityModule {}
