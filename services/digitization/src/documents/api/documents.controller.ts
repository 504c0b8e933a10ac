import { Controller, Get, Inject, Param, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles, type Actor } from '@bcci/auth';
import { ReadDocumentUseCase } from '../application/read-document.use-case';

@ApiTags('documents')
@Controller('documents')
export class DocumentsController {
  constructor(@Inject(ReadDocumentUseCase) private readonly readDocument: ReadDocumentUseCase) {}

  @Get(':hash')
  @Roles('digitization-operator', 'clerk', 'operations', 'auditor')
  @ApiOperation({ summary: 'Stream a stored document by its SHA-256 (sha256:<hex> or the hex digest)' })
  @ApiProduces('application/pdf', 'image/jpeg', 'image/png')
  @ApiOkResponse({ description: 'The document bytes, with its media type.' })
  async get(@CurrentActor() actor: Actor, @Param('hash') hash: string): Promise<StreamableFile> {
    const { document, content } = await this.readDocument.execute({ actor, hash });
    return new StreamableFile(content, {
      type: document.mediaType,
      length: document.sizeBytes,
      disposition: `inline; filename="${document.contentHash.slice(7, 23)}.${extensionOf(document.mediaType)}"`,
    });
  }
}

function extensionOf(mediaType: string): string {
  return mediaType === 'application/pdf' ? 'pdf' : mediaType === 'image/png' ? 'png' : 'jpg';
}
