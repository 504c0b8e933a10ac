import { AgencyAcknowledgementOrmEntity } from './agency-acknowledgement.orm-entity';
import { CourierScanOrmEntity } from './courier-scan.orm-entity';
import { FeeRemittanceOrmEntity } from './fee-remittance.orm-entity';
import { HandoverRecordItemOrmEntity } from './handover-record-item.orm-entity';
import { HandoverRecordOrmEntity } from './handover-record.orm-entity';
import { PostalLegOrmEntity } from './postal-leg.orm-entity';

export const forwardingEntities = [
  PostalLegOrmEntity,
  CourierScanOrmEntity,
  HandoverRecordOrmEntity,
  HandoverRecordItemOrmEntity,
  AgencyAcknowledgementOrmEntity,
  FeeRemittanceOrmEntity,
];
