import { IsZonedTimestamp } from './timestamp.validators';

export class ReturnToAgencyRequest {
  @IsZonedTimestamp('thời điểm trả lại cơ quan')
  returnedAt!: string;
}
