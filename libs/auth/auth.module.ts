import { Global, Logger, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { AppConfig } from '../config/app-config.service';
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
          secret: config.get('JWT_SECRET'),
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
