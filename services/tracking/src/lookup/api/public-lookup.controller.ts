import { Controller, Get, HttpException, HttpStatus, Inject, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '@bcci/auth';
import { LookupRateLimitedError, PublicLookup } from '../application/public-lookup.use-case';
import { PublicLookupRequest } from './public-lookup.request.dto';

@ApiTags('public')
@Public()
@Controller('public')
export class PublicLookupController {
  constructor(@Inject(PublicLookup) private readonly lookup: PublicLookup) {}

  @Get('lookup')
  @ApiOperation({ summary: 'Free status lookup for citizens (no login): reference + lookup PIN; no personal data in the answer' })
  async find(@Query() query: PublicLookupRequest) {
    try {
      return await this.lookup.execute(query.reference, query.pin);
    } catch (error) {
      if (error instanceof LookupRateLimitedError) {
        throw new HttpException({ message: error.message, messageVi: error.messageVi, code: 'lookup.rate-limited' }, HttpStatus.TOO_MANY_REQUESTS);
      }
      throw error;
    }
  }
}
