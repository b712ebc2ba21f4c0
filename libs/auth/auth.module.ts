import { createSecretKey } from 'node:crypto';
import { Global, Logger, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { AppConfig } from '@libs/config/app-config.service';
import { AuthGuard } from './auth.guard';

@Global()
@Module({
  imports: [
    JwtModule.registerAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => {
        if (config.get('jwtSecretGenerated')) {
          new Logger('Auth').warn('JWT_SECRET is not set: tokens are signed with a random secret made for this process and stop working when it restarts (never in production, where JWT_SECRET is required).');
        }
        return {
          // A key object, not the string: given a string, the JWT library first tries (and fails) to parse
          // it as a PEM public or private key on every sign and verify, about a millisecond of CPU each.
          secret: createSecretKey(Buffer.from(config.get('JWT_SECRET'), 'utf8')),
          signOptions: { algorithm: 'HS256', expiresIn: config.get('JWT_TTL') as `${number}h` },
          verifyOptions: { algorithms: ['HS256'] },
        };
      },
    }),
  ],
  providers: [{ provide: APP_GUARD, useClass: AuthGuard }],
  exports: [JwtModule],
})
export class AuthModule {}
