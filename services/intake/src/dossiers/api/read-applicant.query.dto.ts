import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';

export class ReadApplicantQueryDto {
  @ApiProperty({ description: 'Mục đích xem thông tin cá nhân (ghi vào nhật ký truy cập)', example: 'Xác minh người nộp khi rút hồ sơ' })
  @IsString({ context: { messageVi: 'Nhập mục đích xem thông tin cá nhân.' } })
  @MaxLength(200)
  purpose!: string;
}
