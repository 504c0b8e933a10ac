import { ApiPropertyOptional } from '@nestjs/swagger';
import { QueryInt } from '@bcci/service-kit';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { MAX_PAGE_SIZE } from '../application/search-dossiers.use-case';

export class SearchDossiersQueryDto {
  @ApiPropertyOptional({ description: 'Mã tạm (BCCI-…) hoặc mã hồ sơ của cơ quan' })
  @IsOptional()
  @IsString()
  @MaxLength(60)
  code?: string;

  @ApiPropertyOptional({ description: 'Số hiệu bưu gửi S10', example: 'EB000000015VN' })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  postalItemId?: string;

  @ApiPropertyOptional({ description: 'Số điện thoại người nộp hoặc người nhận' })
  @IsOptional()
  @IsString()
  @MaxLength(30)
  phone?: string;

  @ApiPropertyOptional({ description: 'Họ tên người nộp, có hoặc không dấu; mọi từ phải khớp', example: 'nguyen van duc' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ description: 'Điểm phục vụ (kiểm toán, vận hành); nhân viên bưu cục luôn tra cứu điểm của mình' })
  @IsOptional()
  @IsString()
  @MaxLength(10)
  postalCode?: string;

  @ApiPropertyOptional({ default: 1, minimum: 1 })
  @IsOptional()
  @QueryInt()
  @IsInt()
  @Min(1)
  @Max(100000)
  page?: number;

  @ApiPropertyOptional({ default: 20, minimum: 1, maximum: MAX_PAGE_SIZE })
  @IsOptional()
  @QueryInt()
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  pageSize?: number;
}
