import { CounterNoticeOrmEntity } from './counter-notice.orm-entity';
import { DeliveryAttemptOrmEntity } from './delivery-attempt.orm-entity';
import { DeliveryOrmEntity } from './delivery.orm-entity';
import { IncidentOrmEntity } from './incident.orm-entity';
import { PostalItemRangeOrmEntity } from './postal-item-range.orm-entity';
import { ReturnOrmEntity } from './return.orm-entity';

export const returnsEntities = [ReturnOrmEntity, DeliveryAttemptOrmEntity, CounterNoticeOrmEntity, DeliveryOrmEntity, IncidentOrmEntity, PostalItemRangeOrmEntity];
