import { randomBytes } from 'node:crypto';
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

const RATE_LIMIT = /^([1-9]\d{0,6})\/([1-9]\d{0,4})(s|m|h)$/;
const RATE_LIMIT_MESSAGE = (name: string) =>
  `${name} must be count/window with a window in s, m or h, e.g. 10/1m (10 requests a minute) or 300/1h`;
const WINDOW_MS = { s: 1000, m: 60_000, h: 3_600_000 } as const;

/** A rate limit setting (`10/1m`): at most `limit` requests in any window of `windowMs`. */
export function parseRateLimit(spec: string): { limit: number; windowMs: number } {
  const match = RATE_LIMIT.exec(spec);
  if (!match) throw new Error(RATE_LIMIT_MESSAGE('a rate limit'));
  return { limit: Number(match[1]), windowMs: Number(match[2]) * WINDOW_MS[match[3] as keyof typeof WINDOW_MS] };
}

const YES = ['1', 'true', 'yes', 'on'];
const NO = ['0', 'false', 'no', 'off'];

const toBoolean = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? YES.includes(value.toLowerCase()) : value;

/** Like toBoolean, but a word that is neither yes nor no stays a string and fails validation instead of reading as false. */
const toStrictBoolean = ({ value }: { value: unknown }) => {
  if (typeof value !== 'string') return value;
  const word = value.trim().toLowerCase();
  return YES.includes(word) ? true : NO.includes(word) ? false : value;
};

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

  /** Workflow executions the worker keeps in memory (Temporal's sticky cache); default: the SDK's, sized from the heap. */
  @IsOptional()
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(0)
  WORKER_MAX_CACHED_WORKFLOWS?: number;

  /** Workflow tasks the worker runs at once (default 40). */
  @IsOptional()
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(2)
  WORKER_MAX_CONCURRENT_WORKFLOW_TASKS?: number;

  /** Activities (local and remote, each) the worker runs at once (default 100); each holds a database connection while it writes. */
  @IsOptional()
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(1)
  WORKER_MAX_CONCURRENT_ACTIVITIES?: number;

  /** The built web app (index.html and assets) served at `/`; default dist/web of the project. */
  @IsOptional()
  @IsString()
  WEB_ROOT?: string;

  /**
   * HS256 signing secret of the bearer tokens. Never defaulted: required in production (see
   * `secretProblems`); elsewhere, when absent, a random one is generated for this process only.
   */
  @IsOptional()
  @IsString()
  JWT_SECRET: string;

  /** Not a variable: true when JWT_SECRET was absent outside production and generated for this process. */
  jwtSecretGenerated = false;

  @Matches(/^\d+[smhd]$/, { message: 'JWT_TTL must be a duration such as 30m, 8h or 1d' })
  JWT_TTL = '8h';

  /**
   * Offers `POST /api/auth/dev-login` (and the people list of the sign-in page), which signs in as
   * anyone, administrators included, without a password. Opt-in: only this flag enables it, never the
   * absence of NODE_ENV=production, so a deployment that forgot NODE_ENV is not left open. Refused
   * together with NODE_ENV=production (see `devLoginProblems`).
   */
  @Transform(toStrictBoolean)
  @IsBoolean({ message: 'DEV_LOGIN must be true or false' })
  DEV_LOGIN = false;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  @Matches(/^\d+(b|kb|mb)$/i, { message: 'BODY_LIMIT must be a size such as 100kb or 1mb' })
  BODY_LIMIT = '100kb';

  /** Sign-ins (`POST /api/auth/dev-login`) per client IP: `count/window`, e.g. 10/1m. */
  @Matches(RATE_LIMIT, { message: RATE_LIMIT_MESSAGE('RATE_LIMIT_SIGN_IN') })
  RATE_LIMIT_SIGN_IN = '10/1m';

  /** Decisions, Disposisi and cancellations per signed-in person: `count/window`, e.g. 60/1m. */
  @Matches(RATE_LIMIT, { message: RATE_LIMIT_MESSAGE('RATE_LIMIT_DECISIONS') })
  RATE_LIMIT_DECISIONS = '60/1m';

  /** Reverse proxies in front of the API whose X-Forwarded-For is believed (the client IP of per-IP limits). */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(0)
  @Max(10)
  TRUST_PROXY_HOPS = 0;

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

const PLACEHOLDER = /change[-_ ]?me|changeit|placeholder|example|your[-_ ]?secret|^secret|password/i;
const MIN_DISTINCT_CHARACTERS = 10;

/**
 * What is wrong with JWT_SECRET, if anything. Production has no default and refuses a secret that
 * looks like a placeholder (such as an example copied from a compose file) or has too little variety.
 */
export function secretProblems(env: Pick<EnvironmentVariables, 'NODE_ENV' | 'JWT_SECRET'>): string[] {
  const secret = env.JWT_SECRET;
  const production = env.NODE_ENV === 'production';
  if (secret === undefined) {
    return production
      ? ['JWT_SECRET is required in production (there is no default): set it to at least 32 random characters, e.g. the output of `openssl rand -hex 32`']
      : [];
  }
  if (typeof secret !== 'string') return [];
  if (secret.length < 32) return ['JWT_SECRET must be at least 32 characters'];
  if (production && (PLACEHOLDER.test(secret) || new Set(secret).size < MIN_DISTINCT_CHARACTERS)) {
    return ['JWT_SECRET looks like a placeholder or has too little variety; in production use at least 32 random characters, e.g. `openssl rand -hex 32`'];
  }
  return [];
}

/** What is wrong with DEV_LOGIN, if anything: a production process never signs people in without a password. */
export function devLoginProblems(env: Pick<EnvironmentVariables, 'NODE_ENV' | 'DEV_LOGIN'>): string[] {
  return env.DEV_LOGIN === true && env.NODE_ENV === 'production'
    ? ['DEV_LOGIN=true is refused with NODE_ENV=production: dev-login signs in as anyone, administrators included, without a password. Unset DEV_LOGIN (production tokens come from the identity provider), or run outside production']
    : [];
}

/** Parses and validates raw environment variables; throws one error listing every problem. */
export function validateEnvironment(raw: Record<string, unknown>): EnvironmentVariables {
  const defined = Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined && v !== ''));
  delete defined.jwtSecretGenerated;
  const env = plainToInstance(EnvironmentVariables, defined, { exposeDefaultValues: true });
  const errors = validateSync(env, { skipMissingProperties: false, whitelist: false });
  const problems = [
    ...errors.flatMap((e) => Object.values(e.constraints ?? {}).map((msg) => (msg.startsWith(e.property) ? msg : `${e.property}: ${msg}`))),
    ...secretProblems(env),
    ...devLoginProblems(env),
  ];
  if (problems.length > 0) throw new ConfigValidationError(problems);
  if (env.JWT_SECRET === undefined) {
    // Development and tests only (production was refused above): tokens last as long as this process.
    env.JWT_SECRET = randomBytes(32).toString('hex');
    env.jwtSecretGenerated = true;
  }
  return env;
}
