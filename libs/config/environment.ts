import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
  ValidateIf,
  validateSync,
} from 'class-validator';

const toBoolean = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? ['1', 'true', 'yes', 'on'].includes(value.toLowerCase()) : value;

/**
 * Every variable the API and the worker read. Validated once at boot so that a bad setting
 * stops the process with a message naming the variable, instead of failing later at random.
 */
export class EnvironmentVariables {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'DATABASE_URL must be a postgres:// connection URL' })
  DATABASE_URL: string;

  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(1)
  @Max(200)
  DATABASE_POOL_SIZE = 10;

  @Matches(/^[^\s:]+:\d+$/, { message: 'TEMPORAL_ADDRESS must look like host:port' })
  TEMPORAL_ADDRESS = 'localhost:7233';

  @IsString()
  @MinLength(1)
  TEMPORAL_NAMESPACE = 'default';

  @IsString()
  @MinLength(1)
  TEMPORAL_TASK_QUEUE = 'estafet-approvals';

  @Transform(toBoolean)
  @IsBoolean()
  TEMPORAL_TLS = false;

  @IsOptional()
  @IsString()
  TEMPORAL_TLS_CERT_PATH?: string;

  @ValidateIf((env: EnvironmentVariables) => Boolean(env.TEMPORAL_TLS_CERT_PATH))
  @IsString({ message: 'TEMPORAL_TLS_KEY_PATH is required when TEMPORAL_TLS_CERT_PATH is set' })
  TEMPORAL_TLS_KEY_PATH?: string;

  @IsOptional()
  @IsString()
  TEMPORAL_API_KEY?: string;

  /** Prebuilt workflow bundle (production). Without it the worker bundles `workflows/` at start. */
  @IsOptional()
  @IsString()
  WORKFLOW_BUNDLE_PATH?: string;

  @IsString()
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters' })
  JWT_SECRET: string;

  @Matches(/^\d+[smhd]$/, { message: 'JWT_TTL must be a duration such as 30m, 8h or 1d' })
  JWT_TTL = '8h';

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  @Matches(/^\d+(b|kb|mb)$/i, { message: 'BODY_LIMIT must be a size such as 100kb or 1mb' })
  BODY_LIMIT = '100kb';

  /** Milliseconds the API waits for Temporal before answering 503. */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(100)
  TEMPORAL_RPC_TIMEOUT_MS = 10000;
}

export class ConfigValidationError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigValidationError';
  }
}

/** Parses and validates raw environment variables; throws one error listing every problem. */
export function validateEnvironment(raw: Record<string, unknown>): EnvironmentVariables {
  const defined = Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined && v !== ''));
  const env = plainToInstance(EnvironmentVariables, defined, { exposeDefaultValues: true });
  const errors = validateSync(env, { skipMissingProperties: false, whitelist: false });
  if (errors.length > 0) {
    const problems = errors.flatMap((e) =>
      Object.values(e.constraints ?? {}).map((msg) => (msg.startsWith(e.property) ? msg : `${e.property}: ${msg}`)),
    );
    throw new ConfigValidationError(problems);
  }
  return env;
}
