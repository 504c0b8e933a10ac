import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength, MinLength } from 'class-validator';

export class PublicLookupRequest {
  @ApiProperty({ description: 'Provisional id, dossier code or S10 item id printed on the sending slip', example: 'BCCI-33100-250312-0007' })
  @IsString() @MinLength(5) @MaxLength(60) reference!: string;

  @ApiProperty({ description: 'The 6-digit lookup PIN printed on the sending slip', example: '482916' })
  @Matches(/^\d{6}$/, { message: 'pin must be the 6 digits printed on the sending slip' }) pin!: string;
}
