import { Controller, Get, Header } from '@nestjs/common';
import { ApiExcludeEndpoint } from '@nestjs/swagger';
import { Public } from '@bcci/auth';
import { LOOKUP_JS } from '../static/lookup-app.js';
import { LOOKUP_HTML } from '../static/lookup-page.html';

const PAGE_HEADERS = "default-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'none'";

/** The citizen's page behind the sending slip's QR code: `/lookup` or `/lookup/<reference>`. */
@Public()
@Controller('lookup')
export class LookupPageController {
  @Get('app.js')
  @ApiExcludeEndpoint()
  @Header('Content-Type', 'text/javascript; charset=utf-8')
  script(): string {
    return LOOKUP_JS;
  }

  @Get()
  @ApiExcludeEndpoint()
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Content-Security-Policy', PAGE_HEADERS)
  blank(): string {
    return LOOKUP_HTML;
  }

  @Get(':reference')
  @ApiExcludeEndpoint()
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Content-Security-Policy', PAGE_HEADERS)
  prefilled(): string {
    return LOOKUP_HTML;
  }
}
