import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';

/** OpenAPI at /docs (UI) and /docs-json, with bearer tokens (architecture.md §3). */
export function setupOpenApi(app: INestApplication, serviceName: string, version = '1'): void {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle(`BCCI Channel — ${serviceName}`)
      .setDescription(
        `HTTP API of the ${serviceName} service. Errors: { statusCode, error, message, messageVi, code?, details? }. ` +
          'Get a development token with `npm run token -- --role <role> ...`.',
      )
      .setVersion(version)
      .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }, 'bearer')
      .addSecurityRequirements('bearer')
      .build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json', swaggerOptions: { persistAuthorization: true } });
}
