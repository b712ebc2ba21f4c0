import { Controller, Get, Inject } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { Client } from '@temporalio/client';
import { Public } from '@libs/auth/auth.decorators';
import { AppConfig } from '@libs/config/app-config.service';
import { TEMPORAL_CLIENT } from '@libs/temporal/temporal-client.module';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    private readonly config: AppConfig,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
  ) {}

  @Public()
  @Get()
  @HealthCheck()
  check() {
    return this.health.check([
      () => this.db.pingCheck('database', { timeout: 3000 }),
      () => this.temporalCheck(),
    ]);
  }

  private async temporalCheck() {
    const indicator = this.indicators.check('temporal');
    try {
      await this.temporal.connection.withDeadline(Date.now() + 3000, () =>
        this.temporal.workflowService.describeNamespace({ namespace: this.config.get('TEMPORAL_NAMESPACE') }),
      );
      return indicator.up({ namespace: this.config.get('TEMPORAL_NAMESPACE') });
    } catch (err) {
      return indicator.down({ message: err instanceof Error ? err.message : String(err) });
    }
  }
}
